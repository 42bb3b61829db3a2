"""The dev server behind `make serve`: build, serve, rebuild on save, reload the open tab.

It runs Pelican in-process so a rebuild reuses the content cache, writes the page of the
edited note first (the tab reloads at once), then finishes the rest of the site and the
search index. Build problems are pushed to the page and shown there with path:line."""
