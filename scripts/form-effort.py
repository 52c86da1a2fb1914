#!/usr/bin/env python3
"""How much a clerk submits and types to take a case to its end, read from the forms.

For each case below (a path of forms, one per step, and what the people on it answer) and each
version of the models (a git revision, or the working tree as "worktree"), it counts:

  submissions  the forms submitted on the path (the start form included)
  typed        the values someone has to type or choose: fields of the step's form that are
               editable, shown (the form's own "hide" conditions evaluated on the answers and on
               what the process has set), and whose answer differs from what the field already
               holds (its defaultValue, or a value the process fills in before the task)

A field the form does not have at that version is not counted, however the path answers it (the
buyer's member name, gone from the start forms). A shown, required field left without an answer
or a value fails the count: the path must say what is entered. What the process fills in is
stated per step with the source text that does it (a model, or the class that fills it in), and
only counts at a version that has that text.

    python3 scripts/form-effort.py                  # 3be3d66 (before) and the working tree
    python3 scripts/form-effort.py 3be3d66 HEAD     # any revisions
    python3 scripts/form-effort.py --steps ...      # and every step's typed fields
"""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What the buyer-facing forms show before a message is sent (the process sets it): the
# checkbox "已在千牛发送给买家" is shown only with a text.
TOLD = {"buyerMessageText": "（发给买家的话）"}

EVIDENCE = {
    "buyerMessageSent": True,
    "photoCount": 3,
    "waybillPhotoReceived": True,
    "evidenceDescription": "外箱压扁，杯身裂开",
}
# Where the evidence form can take the check too: the photos are there, the agent checks at once.
# (Photos are uploaded, dragged or pasted, in every version; an upload is not a typed value.)
ONE_STEP = {"checkedWithEvidence": True}
ALIPAY = {
    "payeeChannel": "ALIPAY",
    "payeeName": "林晓",
    "payeeAccount": "13800001234",
    "accountConfirmed": True,
}
TRANSFERRED = {"refundDecision": "AGREE"}


def damage_check(damage_type):
    return {"parcelIntact": True, "damageType": damage_type, "defectiveCount": 1}


def start(kind_description):
    # what the agent knows from Qianniu: the order, the buyer, what happened
    return {"orderId": "T1001", "buyerId": "tb_lin88", "description": kind_description}


# The offer of a damage claim on an item of 89 yuan, one piece defective: the compensation
# standard suggests 2 yuan for a usable item; the refund is the defective pieces' price.
SUGGESTED = {"suggestedCompensation": 2.0}
OFFER_FILLER = ("src/main/java/com/aftersales/claims/DamageSettlement.java", "void prefillOffer(")
OFFER_PREFILL = {
    "offeredCompensation": (2.0, *OFFER_FILLER),
    "refundAmount": (89.0, *OFFER_FILLER),
}

# (form, who, answers, what the process has set, what the process fills into the form's fields)
CASES = {
    "破损 → 补发 (damage claim, reship)": [
        ("open-claim", "agent", start("收到时杯子碎了"), {}, {}),
        ("damage-collect-evidence|collect-evidence", "agent",
         {**EVIDENCE, **ONE_STEP, **damage_check("UNUSABLE")}, TOLD, {}),
        ("damage-check-evidence|!damage-collect-evidence", "agent", damage_check("UNUSABLE"), {}, {}),
        ("damage-offer", "agent",
         {"buyerMessageSent": True, "buyerChoice": "RESHIP"}, TOLD, OFFER_PREFILL),
        ("ship-reshipment", "warehouse",
         {"reshipCarrier": "顺丰速运", "reshipTrackingNumber": "SF1234567890"}, {}, {}),
        ("tell-reship-tracking", "agent", {"buyerMessageSent": True}, TOLD, {}),
        ("follow-reshipment", "agent", {"receivedConfirmed": True}, {}, {}),
    ],
    "破损 → 退款 (damage claim, refund)": [
        ("open-claim", "agent", start("收到时杯子碎了"), {}, {}),
        ("damage-collect-evidence|collect-evidence", "agent",
         {**EVIDENCE, **ONE_STEP, **damage_check("UNUSABLE")}, TOLD, {}),
        ("damage-check-evidence|!damage-collect-evidence", "agent", damage_check("UNUSABLE"), {}, {}),
        ("damage-offer", "agent",
         {"buyerMessageSent": True, "buyerChoice": "REFUND", "refundAmount": 89.0}, TOLD,
         OFFER_PREFILL),
        ("collect-refund-account", "agent", ALIPAY, {}, {}),
        ("transfer-refund", "finance", TRANSFERRED, {}, {}),
    ],
    "破损 → 补偿 (damage claim, the suggested compensation)": [
        ("open-claim", "agent", start("收到时盒子压坏，能用"), {}, {}),
        ("damage-collect-evidence|collect-evidence", "agent",
         {**EVIDENCE, **ONE_STEP, **damage_check("USABLE")}, TOLD, {}),
        ("damage-check-evidence|!damage-collect-evidence", "agent", damage_check("USABLE"), {}, {}),
        ("damage-offer", "agent",
         {"buyerMessageSent": True, "buyerChoice": "ACCEPT_COMPENSATION",
          "offeredCompensation": 2.0},
         {**TOLD, **SUGGESTED}, OFFER_PREFILL),
        ("collect-refund-account", "agent", ALIPAY, {}, {}),
        ("transfer-refund", "finance", TRANSFERRED, {}, {}),
    ],
    "退货 (return)": [
        ("open-claim", "agent", start("质量问题，要退货"), {}, {}),
        ("return-assess", "agent",
         {"buyerMessageSent": True, "cause": "QUALITY", "receiptState": "RECEIVED"}, TOLD, {}),
        ("return-retention", "agent",
         {"retentionOffer": "SMALL_GIFT", "retentionOutcome": "INSISTS"}, {}, {}),
        ("buyer-ships-return", "agent",
         {"buyerMessageSent": True, "returnCarrier": "中通快递",
          "returnTrackingNumber": "ZT778899001", "returnPostage": 12.0}, TOLD, {}),
        ("inspect-return", "warehouse",
         {"parcels": 1, "matchesCase": True, "resaleable": True}, {}, {}),
        ("collect-refund-account", "agent", ALIPAY, {}, {}),
        ("transfer-refund", "finance", TRANSFERRED, {}, {}),
    ],
    "退款 (refund, not shipped)": [
        ("open-refund", "agent", start("不想要了"), {}, {}),
        ("refund-retain-sale", "agent",
         {"retainOutcome": "REFUND", "retainNote": "买家不想要了"}, {}, {}),
        ("approve-refund", "finance", {"refundDecision": "AGREE"}, {}, {}),
    ],
}


def read(rev, path):
    if rev == "worktree":
        return (ROOT / path).read_text(encoding="utf-8")
    return subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:{path}"],
        check=True, capture_output=True, text=True, encoding="utf-8").stdout


def fields(form):
    """The editable fields, each with the hide conditions of the field and of its groups."""
    def walk(components, hides):
        for c in components:
            own = c.get("conditional", {}).get("hide")
            inherited = hides + ([own] if own else [])
            yield from walk(c.get("components", []), inherited)
            if c.get("key") and c.get("type") not in ("text", "group") and not c.get("readonly"):
                yield c, inherited
    return list(walk(form["components"], []))


def exists(rev, path):
    if rev == "worktree":
        return (ROOT / path).exists()
    return subprocess.run(
        ["git", "-C", str(ROOT), "cat-file", "-e", f"{rev}:{path}"],
        capture_output=True).returncode == 0


def form_at(rev, form_ids):
    """The first of the step's forms ("a|b") that the version has, or None (the step is not there)."""
    for form_id in form_ids.split("|"):
        if form_id.startswith("!"):
            # "!x": the step exists only while form x does not (x took the step over)
            continue
        if exists(rev, f"forms/{form_id}.form"):
            skip = [f[1:] for f in form_ids.split("|") if f.startswith("!")]
            if any(exists(rev, f"forms/{other}.form") for other in skip):
                return None
            return form_id
    return None


def feel(expression, values):
    """The few FEEL forms our forms' "hide" conditions use: =, !=, and, or, not(), null, literals."""
    e = expression.lstrip("=")
    e = re.sub(r"(?<![!<>=])=(?!=)", "==", e)
    e = re.sub(r"\bnull\b", "None", e)
    e = re.sub(r"\btrue\b", "True", e)
    e = re.sub(r"\bfalse\b", "False", e)
    names = {n: values.get(n) for n in re.findall(r"\b[a-zA-Z_]\w*\b", e)
             if n not in ("and", "or", "not", "None", "True", "False")}
    return eval(e, {"__builtins__": {}}, names)  # noqa: S307 - our own forms' conditions


def count(rev, steps, show):
    submissions, typed, detail = 0, 0, []
    for form_ids, who, answers, process, fills in steps:
        form_id = form_at(rev, form_ids)
        if form_id is None:
            continue
        form = json.loads(read(rev, f"forms/{form_id}.form"))
        filled = {k: v for k, (v, model, text) in fills.items() if text in read(rev, model)}
        values = {**process, **filled, **answers}
        submissions += 1
        entered = []
        for f, hides in fields(form):
            key = f["key"]
            if any(feel(hide, values) for hide in hides):
                continue
            before = filled.get(key, f.get("defaultValue"))
            answer = answers.get(key, before)
            if answer is None or answer == "":
                if f.get("validate", {}).get("required"):
                    sys.exit(f"{rev} {form_id}: required field {key} has no answer")
                continue
            if answer != before:
                entered.append(key)
        typed += len(entered)
        detail.append(f"    {form_id} ({who}): {len(entered)} {', '.join(entered)}")
    if show:
        print(f"  {rev}:")
        print("\n".join(detail))
    return submissions, typed


def main(args):
    show = "--steps" in args
    revs = [a for a in args if a != "--steps"] or ["3be3d66", "worktree"]
    header = "| case | " + " | ".join(f"{r}: forms / typed" for r in revs) + " |"
    rows = []
    for name, steps in CASES.items():
        if show:
            print(name)
        cells = [f"{s} / {t}" for s, t in (count(r, steps, show) for r in revs)]
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    print(header)
    print("|---|" + "---|" * len(revs))
    print("\n".join(rows))


if __name__ == "__main__":
    main(sys.argv[1:])
