"""The passage of an article that best shows why it matched."""

from __future__ import annotations

from dataclasses import dataclass, field

from whoosh.highlight import BasicFragmentScorer, ContextFragmenter, Formatter, highlight

SNIPPET_CHARS = 220


@dataclass(frozen=True)
class Snippet:
    """A passage, and the [start, end) offsets of the matched words in it."""

    text: str
    highlights: list[tuple[int, int]] = field(default_factory=list)


class SnippetFormatter(Formatter):
    """Returns the best fragment as a Snippet rather than as marked-up text.

    Whoosh's formatters build strings; keeping offsets instead lets the
    terminal, the JSON output and the full-screen app each mark matches their
    own way. The analyzer finds the matches, so inflected forms are marked too.
    """

    def format(self, fragments, replace=False):
        if not fragments:
            return None
        fragment = fragments[0]
        text = fragment.text
        start, end = fragment.startchar, fragment.endchar
        prefix = "…" if start > 0 else ""
        suffix = "…" if end < len(text) else ""
        highlights = [
            (len(prefix) + token.startchar - start, len(prefix) + token.endchar - start)
            for token in fragment.matches
            if start <= token.startchar and token.endchar <= end
        ]
        # One line: paragraph breaks become spaces, one for one, so the
        # highlight offsets stay true.
        passage = text[start:end].replace("\n", " ")
        return Snippet(prefix + passage + suffix, highlights)

    def __call__(self, text, fragments):
        return self.format(fragments)


# Matches this close (in characters) count as side by side, as in a phrase
# with a short word between (`Brezi dhe Rruga`).
NEAR_CHARS = 6


class NearMatchesScorer(BasicFragmentScorer):
    """Whoosh's passage score (matches, times distinct terms), plus a bonus for
    matches side by side: the passage where a phrase's words stand together
    beats one where they are scattered."""

    def __call__(self, fragment):
        score = super().__call__(fragment)
        matches = sorted(fragment.matches, key=lambda token: token.startchar)
        near = sum(
            1
            for before, after in zip(matches, matches[1:])
            if after.text != before.text and after.startchar - before.endchar <= NEAR_CHARS
        )
        return score * (1 + near)


def make_snippet(text: str, terms: frozenset[str], analyzer) -> Snippet:
    """The best passage of text for the given analyzed terms."""
    snippet = None
    if terms:
        fragmenter = ContextFragmenter(maxchars=SNIPPET_CHARS, surround=80)
        snippet = highlight(text, terms, analyzer, fragmenter, SnippetFormatter(), top=1, scorer=NearMatchesScorer())
    return snippet or opening_snippet(text)


def opening_snippet(text: str) -> Snippet:
    """The start of the text, cut at a word, for articles matched elsewhere."""
    text = text.replace("\n", " ")
    if len(text) <= SNIPPET_CHARS:
        return Snippet(text)
    cut = text.rfind(" ", 0, SNIPPET_CHARS)
    return Snippet(text[: cut if cut > 0 else SNIPPET_CHARS] + "…")
