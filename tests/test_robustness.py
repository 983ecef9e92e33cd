"""The extractor never crashes on odd text: sentence edges, lone punctuation, headlines, lists."""

import random

import pytest

ODD = [
    "gave the go-ahead", "Pentagon spokesman", ",", "X, Y", "He.", "The.", "spokesman John", "in", "of the city of",
    "BELGRADE, Yugoslavia (AP)", "MEMPHIS , Tenn .", "Fired at.", "attacked", "The strike, ordered by",
    "A spokesman for", "“Quote,” he said", "Mr", "Kabul, the capital of", "near X in", "- - -", "...", "'s",
    "US Air Strike Targets Militia In Syria\n\nA US air strike has targeted facilities belonging to a group.",
    "1, 2, 3", "they, it, he, she", "the Feb. 15", "on Thursday", "bus strike\nstrike\n\n\nstrike",
]


@pytest.mark.parametrize("text", ODD)
def test_odd_text_does_not_crash(extract, text):
    assert isinstance(extract(text), dict)


def test_shuffled_words_do_not_crash(extract):
    """Words of real sentences in random orders reach every pattern's edge cases."""
    words = ("President Biden authorized the strike on the Syrian town of Boukamal , a spokesman for the Pentagon , "
             "John Kirby , said . The raid in Kabul , Afghanistan was carried out at the direction of Panetta "
             "who denied attacking the compound near Erbil in Iraq 's north gave go-ahead for").split()
    rng = random.Random(7)
    for _ in range(60):
        rng.shuffle(words)
        assert isinstance(extract(" ".join(words[: rng.randint(1, len(words))])), dict)


def test_conll04_dev_sentences_do_not_crash(nlp):
    """231 real newswire sentences, pre-tokenized (datelines, lists, headlines), as bench/conll04.py runs them."""
    import json

    from spacy.tokens import Doc

    from conftest import SHARED

    path = SHARED / "bench" / "conll04" / "conll04_dev.json"
    if not path.exists():
        pytest.skip("../shared/bench/conll04 is not beside this checkout")
    records = json.loads(path.read_text(encoding="utf-8"))
    docs = list(nlp.pipe(Doc(nlp.vocab, words=r["tokens"]) for r in records))
    assert len(docs) == len(records) and all(d._.kg_relations is not None for d in docs)
