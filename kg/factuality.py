"""Is a relation asserted, negated, hedged, or attributed to a source? Read off the trigger's
clause and the clauses above it (Saurí & Pustejovsky's FactBank cues, simplified)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.vocabulary import words

STOP_AT = frozenset({"ROOT"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "pcomp", "relcl", "acl", "csubj", "csubjpass", "pobj", "prep", "dobj"})


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _negated(token: Token) -> bool:
    """ "did not approve", "no strike", "is no longer part of"; and "had neither known about nor
    approved the raid", where "neither" hangs on the first verb and "nor" joins the second."""
    negators = words("factuality", "negators")
    if token.dep_ == "conj" and any(c.dep_ == "preconj" and c.lower_ == "neither" for c in token.head.children):
        return True
    only = lambda c: c.i + 1 < len(c.doc) and c.nbor().lower_ in ("only", "just", "merely", "simply")  # "not only X but Y"
    return any((c.dep_ == "neg" or c.lower_ in negators and c.dep_ in ("advmod", "det")) and not only(c)
               or c.dep_ == "preconj" and c.lower_ == "neither" for c in token.children) \
        or any(c.dep_ == "advmod" and f"{g.lower_} {c.lower_}" in negators for c in token.children for g in c.children)


def local_cue(token: Token) -> str | None:
    """Cues on the word itself: "not", "will", "allegedly", "apparent"."""
    if _negated(token):
        return "negated"
    for child in token.children:
        text = child.lower_
        if child.dep_ == "aux" and text in words("factuality", "hedge_modals"):
            return "hedged"
        if child.dep_ == "advmod" and text in words("factuality", "hedge_adverbs"):
            return "hedged"
        if child.dep_ == "amod" and text in words("factuality", "hedge_adjectives"):
            return "hedged"
    return None


def _open_question(clause: Token) -> bool:
    """A clause introduced by "whether/if" or a wh-word: "whether Biden had signed off"."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children) or \
        any(c.lower_ in ("who", "what", "whom") and c.dep_ in ("nsubj", "dobj") for c in clause.children)


def _according_to(clause: Token, table) -> object | None:
    """The source an "according to X" phrase on a clause names: "According to the army, rebels ambushed"."""
    for prep in clause.children:
        if prep.lower_ == "according":
            for to in prep.children:
                for obj in to.children:
                    if obj.dep_ == "pobj" and (mention := table.at(obj)) is not None:
                        return mention
    return None


def factuality(trigger: Token, table) -> tuple[str, object | None]:
    """(status, source mention) for the relation a trigger expresses.

    Negation and hedges on the trigger, or on a clause above it, win over attribution:
    "Pakistan insisted that it had not approved" is negated; "it was unclear whether Biden had
    signed off" and "had not determined who carried it out" are hedged; "Kirby said the US
    struck X" is attributed to Kirby.
    """
    local = local_cue(trigger)
    if local:
        return local, None
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass"):
        return "asserted", None  # a noun's existence is not negated by its clause's verb
    source = _according_to(trigger, table)
    clause = trigger
    for _ in range(8):
        if clause.dep_ in STOP_AT or clause.head.i == clause.i:
            break
        dep, parent = clause.dep_, clause.head
        if dep == "attr" and clause is trigger and (cue := local_cue(parent)):
            return cue, None  # the copula's own cue: "Quebec would no longer be part of Canada"
        if dep not in CLAUSE_DEPS and not (dep == "nsubj" and parent.pos_ == "AUX"):
            break
        lemma = _lemma(parent)
        if lemma in words("factuality", "deny"):
            # "neither confirmed nor denied striking" leaves it open
            pair = [parent, parent.head] if parent.dep_ == "conj" else [parent]
            return ("hedged" if any(c.lower_ in ("neither", "nor") for p in pair for c in p.children) else "negated"), None
        if dep == "xcomp" and any(c.lower_ == "yet" and c.dep_ == "advmod" for c in parent.children):
            return "negated", None  # "has yet to sign off on the operation"
        if lemma in words("factuality", "hedge_verbs") and dep in ("xcomp", "ccomp"):
            return "hedged", None
        if _negated(parent) and lemma in words("factuality", "not_know") | words("factuality", "report_verbs"):
            return "hedged", None
        if _open_question(clause) and dep in ("ccomp", "csubj", "advcl"):
            return "hedged", None
        if any(c.dep_ == "acomp" and c.lower_ in words("factuality", "hedge_adjectives") for c in parent.children) \
                and dep in ("ccomp", "csubj", "advcl"):
            return "hedged", None
        if parent.lower_ in words("factuality", "hedge_adjectives") and dep in ("ccomp", "advcl", "xcomp"):
            return "hedged", None
        local = local_cue(parent) if dep in ("xcomp", "conj", "ccomp") else None
        if dep == "prep" and clause is trigger and _negated(parent):
            return "negated", None  # a locative denied by its own verb: "Mosul is not in Syria"
        if local and not (local == "negated" and lemma in words("factuality", "report_verbs")):
            return local, None
        # a clause coordinated with the speech verb is the speaker's own act, not what was said:
        # "Campbell described the strike as a mistake, and he ordered an investigation"
        if lemma in words("factuality", "report_verbs") and dep in ("ccomp", "xcomp", "pcomp", "pobj", "advcl", "prep"):
            subj = [c for c in parent.children if c.dep_ in ("nsubj",)]  # "accused Moscow of shelling" too
            if subj and source is None:
                source = table.at(subj[0])
        if source is None:
            source = _according_to(parent, table)
        clause = parent
    return ("attributed", source) if source is not None else ("asserted", None)
