"""Regenerate corpora/postmortems/expected.yaml from postmortem_spec.py and check every
line number against the files: python corpora/tools/postmortem_expected.py"""
import re, sys, yaml
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
from postmortem_spec import SPEC, KEYS

BASE = Path(__file__).resolve().parents[1] / "postmortems"
LIST_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[([ xX])\]\s+)?")

def code_lines(lines):
    inside, out = False, set()
    for i, l in enumerate(lines):
        if l.lstrip().startswith("```"):
            out.add(i); inside = not inside; continue
        if inside: out.add(i)
    return out

def heading_candidates(lines, code, is_text):
    for i, l in enumerate(lines):
        if i in code or not l.strip(): continue
        m = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", l)
        if m: yield i, m.group(1); continue
        if i + 1 < len(lines) and re.match(r"^(=+|-+)\s*$", lines[i + 1]) and not LIST_RE.match(l):
            yield i, l.strip(); continue
        m = re.match(r"^\*\*(.+?)\*\*(.*)$", l)
        if m: yield i, (m.group(1) + m.group(2)).strip(); continue
        if is_text: yield i, l.strip()

def locate(content, text, code):
    pat = r"\s+".join(re.escape(w) for w in text.split())
    ms = list(re.finditer(pat, content))
    assert len(ms) == 1, (text, len(ms))
    line = content.count("\n", 0, ms[0].start()) + 1
    return line

def build(rel, sp):
    p = (BASE / rel).resolve()
    content = p.read_text(encoding="utf-8")
    lines = content.split("\n")
    code = code_lines(lines)
    out = {"is_postmortem": sp.get("is_postmortem", True), "format": sp["format"]}
    for k in ("date", "date_source", "heading_style"):
        if k in sp: out[k] = sp[k]
    out["words"] = len(content.split())
    out["description"] = sp["description"]
    if out["is_postmortem"]:
        heads = list(heading_candidates(lines, code, sp["format"] == "text"))
        headmap, empty = sp["sections"]
        secs = {}
        for k in KEYS:
            h = headmap[k]
            if h is None:
                secs[k] = {"present": False}; continue
            hits = [i for i, t in heads if t == h]
            assert len(hits) == 1, (rel, h, hits)
            d = {"present": True, "heading": h, "line": hits[0] + 1}
            if k in empty: d["empty"] = True
            secs[k] = d
        out["sections"] = secs
        items = []
        col = sp.get("table_col")
        for loc, own, due, done, vague in sp["items"]:
            hits = [i for i, l in enumerate(lines) if loc in l and i not in code]
            assert len(hits) == 1, (rel, loc, hits)
            i = hits[0]; l = lines[i]
            if l.lstrip().startswith("|"):
                text = [c.strip() for c in l.strip().strip("|").split("|")][col]
            else:
                m = LIST_RE.match(l)
                assert m, (rel, l)
                if m.group(1) is not None:
                    assert (m.group(1) in "xX") == bool(done), (rel, l)
                text = l[m.end():]
                j = i + 1
                while j < len(lines) and lines[j].startswith(" ") and lines[j].strip() and not LIST_RE.match(lines[j]):
                    text += " " + lines[j].strip(); j += 1
            text = " ".join(text.split())
            items.append({"text": text[:60], "line": i + 1, "has_owner": bool(own),
                          "has_due_date": bool(due), "done": bool(done), "vague": bool(vague)})
        out["action_items"] = items
    finds = []
    for rules, text in sp["findings"]:
        line = locate(content, text, code)
        assert line - 1 not in code, (rel, text)
        for r in (rules if isinstance(rules, tuple) else (rules,)):
            finds.append({"line": line, "rule": r, "text": " ".join(text.split())})
    finds.sort(key=lambda d: d["line"])
    out["sentence_findings"] = finds
    cl = []
    for text, note in sp.get("clean", []):
        cl.append({"line": locate(content, text, code), "text": " ".join(text.split()), "note": note})
    out["clean_checks"] = sorted(cl, key=lambda d: d["line"])
    return out

HEADER = """\
# Expected structure of the sample postmortems in this directory.
#
# Keys are file paths relative to this file's directory (corpora/postmortems/);
# "../sample-postmortem.md" is the README quick-start sample in corpora/.
#
# Per file:
#   is_postmortem   false for files that must not be checked as postmortems
#                   (sections and action_items are given only for postmortems)
#   format          markdown | text
#   date            incident date (YYYY-MM-DD); date_source says where it is
#                   written: front_matter | body | file_name (file_name = the
#                   body carries no date at all)
#   heading_style   informational: atx, atx-h3, atx-numbered-paren ("## 4) X"),
#                   atx-numbered-dot ("## 3. X"), setext, bold-line, all-caps-lines
#   words           whitespace-separated word count of the whole file
#   sections        one entry per expected section; when present: the heading
#                   text as written without its markup (#, **, underline), its
#                   1-based line, and empty: true when the section has no real
#                   content (N/A, TBD, an empty list item)
#   action_items    text: the item text without list/checkbox markers (table:
#                   the action cell), whitespace collapsed, first 60 chars;
#                   line: 1-based line where the item starts; done: checkbox
#                   checked, or a Status cell of "Done" in a table; vague: an
#                   item nobody could finish ("Improve monitoring.")
#   sentence_findings  every sentence written to be flagged under
#                   ../../../shared/labeling-guide.md; one entry per label;
#                   line: 1-based line where the sentence starts; text: the
#                   sentence as written (list markers dropped, line breaks
#                   collapsed to one space). Headings labeled root-cause
#                   ("Root cause", "RCA: ...") are listed as sentences too.
#                   Any other sentence in the file is meant to be clean.
#   clean_checks    sentences that look flaggable but are clean under the guide
#                   (precision traps), with the reason; not exhaustive
#
# Generated and verified against the files by a script (line numbers checked);
# if you edit a postmortem, re-check the line numbers below.
"""

data = {rel: build(rel, sp) for rel, sp in SPEC.items()}
files = sorted(str(p.relative_to(BASE)) for p in BASE.rglob("*") if p.is_file() and p.name != "expected.yaml")
missing = set(files) - set(data)
assert not missing, missing
txt = HEADER + "\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=False)
(BASE / "expected.yaml").write_text(txt, encoding="utf-8")
print("written", len(data))
