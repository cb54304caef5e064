"""The Anki planner's index (giveaways.Finder) finds exactly what `printed_in` finds, form by form."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quizgen.bank.content import printed_in
from quizgen.bank.model import Text
from quizgen.generators.anki.giveaways import Finder, Secret

_JA = st.text(alphabet="中国代表団号一二三アカかー・ 、", min_size=1, max_size=6)
_LATIN = st.text(alphabet="ab1 .-", min_size=1, max_size=8).filter(lambda f: any(c.isalnum() for c in f))
_FORMS = st.lists(st.tuples(st.one_of(_JA, _LATIN), st.sampled_from([2, 3, 4])), max_size=12)
_TEXT = st.text(alphabet="中国代表団号一二三アカかー・ 、ab1 .-AB", max_size=30)


@given(_FORMS, _TEXT, _TEXT)
def test_the_index_finds_what_printed_in_finds(forms: list[tuple[str, int]], ja: str, en: str) -> None:
    text = Text(ja, en)
    finder = Finder({f"card-{n}": Secret((form,)) for n, form in enumerate(forms)})
    assert finder.printed(text) == {(f, n) for f, n in forms if printed_in(f, text, n) is not None}


def test_a_latin_answer_is_found_as_whole_words_only_among_many_sharing_a_first_word() -> None:
    secrets = {f"card-{n}": Secret(((f"Delegation {n}", 4), (f"代表団{n}号", 2))) for n in range(200)}
    finder = Finder(secrets)
    found = finder.find(Text("代表団12号と代表団3号が来た。", "Delegation 12 met delegation 7, not Delegation 120a."))
    assert found == {("card-12", "Delegation 12"), ("card-7", "Delegation 7"), ("card-12", "代表団12号"),
                     ("card-3", "代表団3号")}


def test_no_secret_no_reading() -> None:
    assert Finder({"card": Secret(())}).printed(Text("何でも", "anything")) == set()
