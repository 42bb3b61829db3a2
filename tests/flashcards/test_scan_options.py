"""Card options are read without YAML when they are plain `key: value` lines; the result must
be what YAML's BaseLoader gives (every value a string), and anything else goes to YAML."""

import pytest
import yaml

from studyfolio.flashcards.options import simple_options

CASES = [
    "level: easy", 'at: "04:14"', "at: '4:14'", "at: 4:14", "at: 1:02:03", "tags: bench, gradient",
    "id: gd-update-rule", "level: easy  ", "tags: [a, b]", 'x: "a\\"b"', "level: a: b",
    "level: easy # note", "level:", "at: \"4.14\"", "tags: neural networks", "level: -1",
    "level: - x", "level: ? x", "id: a#b", "level: ~", "level: yes", "level: easy\nid: q1",
    "level: |\n  x", "tags:\n  - a\n  - b", "level: 'it''s'", "tags: a,b", "level: {a: b}",
]


@pytest.mark.parametrize("text", CASES)
def test_the_fast_reader_agrees_with_yaml_or_steps_aside(text):
    fast = simple_options(text)
    if fast is None:
        return  # YAML reads it
    assert fast == yaml.load(text, Loader=yaml.BaseLoader)


def test_the_usual_options_never_need_yaml():
    assert simple_options('level: hard\nat: "04:14"\nid: chain-rule\ntags: calculus, chain rule') == {
        "level": "hard", "at": "04:14", "id": "chain-rule", "tags": "calculus, chain rule"}
