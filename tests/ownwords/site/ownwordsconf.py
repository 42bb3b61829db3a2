"""The own-words fixture site: the repo's writing settings with this folder's content."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
from testsite_settings import *  # noqa: E402,F403
