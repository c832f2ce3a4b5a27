#!/usr/bin/env python3
"""Generate Trailhound's pinned MITRE ATT&CK Enterprise v19 catalogue.

Usage:
    python3 tools/attack/generate-catalogue.py V18_JSON V19_JSON [--out TSV]

    V18_JSON  the compact ATT&CK v18.1 Enterprise file (shared/corpus/attack/enterprise-compact.json)
    V19_JSON  the compact ATT&CK v19 Enterprise file (shared/corpus/attack/enterprise-compact-v19.json)
    --out     where to write the catalogue; defaults to
              core/src/main/resources/dev/trailhound/core/attack/enterprise-v19.tsv in this repository

This script runs by hand, outside the Maven build: the build, the tests and Trailhound itself only ever read the
generated TSV, never the JSON files. Python 3 standard library only.

What the TSV holds (tab-separated, one record a line, '#' starts a comment line):

    tactic      <id>      <short name>  <name>                        (kill-chain order = line order)
    technique   <id>      <name>        <tactic ids, kill-chain order, comma-separated>
    v18-tactic  <v18 short name>  <v19 tactic id>  <v18 name>
    v18         <v18 id>  <v19 id>      <v18 name>  <basis: same-name | manual>

A sub-technique's parent is the part of its id before the '.', and is always a technique line of its own.

How a v18 technique id that v19 no longer has is translated:

  1. same-name: the v19 technique with exactly the same name (case-insensitive), looked for first among the ids
     that are new in v19, then among all v19 ids; a name shared by several candidates is not used.
  2. manual: MANUAL_SUCCESSORS below, for the ids whose successor was renamed. Every entry states the v18 and v19
     names it expects, and the script stops if the data disagree, so a re-run against other data cannot silently
     keep a stale pair.
  3. Anything left is printed as "could not map" and gets no v18 line.

The result is cross-checked against the "v18_to_v19_remap" table that the v19 file carries, and every
disagreement is printed.

Tactic translation (the one v18 tactic whose identity moved): in v18 TA0005 is "Defense Evasion"
(defense-evasion). In v19 MITRE kept the id TA0005 for the renamed tactic "Stealth" (stealth) and added the new
tactic TA0112 "Defense Impairment" (defense-impairment) for techniques that disable or degrade defences. A v18
tactic label alone cannot tell which of the two a behaviour now belongs to, so the label follows its id:
defense-evasion / "Defense Evasion" resolve to TA0005 Stealth. Techniques do not depend on this choice: each v19
technique carries its own v19 tactics, so a translated technique (T1562.008 -> T1685.002) lands in Defense
Impairment through its own data. The script checks this reading of both files before it writes anything.
"""

import argparse
import json
import pathlib
import sys

ATTRIBUTION = ("MITRE ATT&CK(R) Enterprise v19, (c) The MITRE Corporation, "
               "used under the ATT&CK Terms of Use")

# The licence grant from the ATT&CK Terms of Use (shared/corpus/attack/LICENSE-ATTACK.txt), which asks that any
# copy reproduce MITRE's copyright designation and the licence.
LICENSE_LINES = [
    "The MITRE Corporation (MITRE) hereby grants you a non-exclusive, royalty-free license to use ATT&CK(R) for",
    "research, development, and commercial purposes. Any copy you make for such purposes is authorized provided",
    "that you reproduce MITRE's copyright designation and this license in any such copy.",
    "(c) The MITRE Corporation. This work is reproduced and distributed with the permission of The MITRE",
    "Corporation. Terms of Use: https://attack.mitre.org/resources/legal-and-branding/terms-of-use/",
]

# v18 technique ids whose v19 successor has a different name. Each entry: v18 id -> (v19 id, v18 name, v19 name,
# why). Source: the v19 technique names and tactics in V19_JSON (ATT&CK v19 as published in
# scorchederf/obsidian-mitre-attack@5ed16c3a, checked against mitre/cti@39f6c5d2 per shared/corpus/SOURCES.md),
# paired by meaning with the v18 names in V18_JSON; every pair also agrees with the "v18_to_v19_remap" table of
# V19_JSON (itself cross-checked there against public v19 remap tables). These pairs are not read from MITRE's
# STIX "revoked-by" relationships, which neither corpus file carries.
MANUAL_SUCCESSORS = {
    "T1562": ("T1685", "Impair Defenses", "Disable or Modify Tools",
              "lossy: v19 split Impair Defenses into the Defense Impairment techniques T1685-T1690 and kept no "
              "technique of this name; T1685 took most of its sub-techniques (T1562.001/.002/.006/.008/.011/.012)"),
    "T1562.002": ("T1685.001", "Disable Windows Event Logging", "Disable or Modify Windows Event Log",
                  "renamed, now under T1685"),
    "T1562.003": ("T1690", "Impair Command History Logging", "Prevent Command History Logging",
                  "renamed and promoted to a technique"),
    "T1562.006": ("T1685", "Indicator Blocking", "Disable or Modify Tools",
                  "lossy: no v19 technique of this meaning; folded into the parent T1685"),
    "T1562.007": ("T1686.001", "Disable or Modify Cloud Firewall", "Cloud Firewall",
                  "renamed, now under T1686 Disable or Modify System Firewall"),
    "T1562.008": ("T1685.002", "Disable or Modify Cloud Logs", "Disable or Modify Cloud Log",
                  "renamed (singular), now under T1685"),
    "T1562.011": ("T1685.003", "Spoof Security Alerting", "Modify or Spoof Tool UI",
                  "renamed and widened, now under T1685"),
    "T1562.012": ("T1685.004", "Disable or Modify Linux Audit System", "Disable or Modify Linux Audit System Log",
                  "renamed, now under T1685"),
    "T1562.013": ("T1686.002", "Disable or Modify Network Device Firewall", "Network Device Firewall",
                  "renamed, now under T1686 Disable or Modify System Firewall"),
}

# What the script expects of the tactic split; checked against both files (see the module docstring).
EXPECTED_V18_TA0005 = ("defense-evasion", "Defense Evasion")
EXPECTED_V19_TA0005 = ("stealth", "Stealth")
EXPECTED_V19_TA0112 = ("defense-impairment", "Defense Impairment")

DEFAULT_OUT = (pathlib.Path(__file__).resolve().parents[2]
               / "core/src/main/resources/dev/trailhound/core/attack/enterprise-v19.tsv")


class DataError(Exception):
    """The input files do not look the way this script expects."""


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check_field(value, what):
    if not isinstance(value, str) or not value.strip() or value != value.strip() or any(
            c in value for c in "\t\r\n"):
        raise DataError(f"{what}: unusable value {value!r}")
    return value


def tactics_of(data, label):
    tactics = []
    for t in data["tactics"]:
        tactics.append((check_field(t["id"], f"{label} tactic id"),
                        check_field(t["shortname"], f"{label} tactic {t['id']} shortname"),
                        check_field(t["name"], f"{label} tactic {t['id']} name")))
    return tactics


def techniques_of(data, label):
    techniques = {}
    for t in data["techniques"]:
        tid = check_field(t["id"], f"{label} technique id")
        if tid in techniques:
            raise DataError(f"{label}: duplicate technique {tid}")
        techniques[tid] = t
        check_field(t["name"], f"{label} technique {tid} name")
        if t.get("is_subtechnique") is not None and t["is_subtechnique"] != ("." in tid):
            raise DataError(f"{label}: {tid} is_subtechnique={t['is_subtechnique']} disagrees with its id")
    return techniques


def check_tactic_split(v18_tactics, v19_tactics):
    v18 = {tid: (short, name) for tid, short, name in v18_tactics}
    v19 = {tid: (short, name) for tid, short, name in v19_tactics}
    for version, table, tid, expected in (("v18", v18, "TA0005", EXPECTED_V18_TA0005),
                                          ("v19", v19, "TA0005", EXPECTED_V19_TA0005),
                                          ("v19", v19, "TA0112", EXPECTED_V19_TA0112)):
        if table.get(tid) != expected:
            raise DataError(f"{version} {tid} is {table.get(tid)}, expected {expected}; revisit the tactic choice")
    if "TA0112" in v18:
        raise DataError("v18 already has TA0112; revisit the tactic choice")


def v19_checks(tactics, techniques):
    shorts = {short for _, short, _ in tactics}
    problems = []
    for tid, t in techniques.items():
        if not t["tactics"]:
            problems.append(f"{tid} has no tactic")
        problems += [f"{tid} names unknown tactic {s}" for s in t["tactics"] if s not in shorts]
        if "." in tid and tid.split(".")[0] not in techniques:
            problems.append(f"{tid} has no parent technique")
    if problems:
        raise DataError("v19 data: " + "; ".join(problems))


def successors(v18_techniques, v19_techniques):
    """Returns ({v18 id: (v19 id, basis)}, [unmapped v18 ids], [notes])."""
    retired = sorted(set(v18_techniques) - set(v19_techniques))
    new_ids = set(v19_techniques) - set(v18_techniques)

    def by_name(ids):
        index = {}
        for tid in ids:
            index.setdefault(v19_techniques[tid]["name"].casefold(), []).append(tid)
        return index

    new_by_name, all_by_name = by_name(new_ids), by_name(v19_techniques)
    mapped, unmapped, notes = {}, [], []
    for old in retired:
        name = v18_techniques[old]["name"]
        candidates = new_by_name.get(name.casefold()) or all_by_name.get(name.casefold(), [])
        manual = MANUAL_SUCCESSORS.get(old)
        if len(candidates) == 1:
            mapped[old] = (candidates[0], "same-name")
            if manual:
                notes.append(f"manual entry for {old} is redundant (same-name gives {candidates[0]})")
        elif manual:
            new, expected_old_name, expected_new_name, _ = manual
            actual_new_name = v19_techniques.get(new, {}).get("name")
            if name != expected_old_name or actual_new_name != expected_new_name:
                raise DataError(f"manual entry {old} -> {new} expects {expected_old_name!r} -> "
                                f"{expected_new_name!r}, data has {name!r} -> {actual_new_name!r}")
            mapped[old] = (new, "manual")
        else:
            unmapped.append(old)
            if len(candidates) > 1:
                notes.append(f"{old} {name!r}: several v19 techniques share the name: {candidates}")
    for old in MANUAL_SUCCESSORS:
        if old not in retired:
            notes.append(f"manual entry {old} is unused: v19 still has that id or v18 never had it")
    return mapped, unmapped, notes


def cross_check(mapped, unmapped, v19_data):
    published = v19_data.get("v18_to_v19_remap")
    if published is None:
        return ["the v19 file carries no v18_to_v19_remap table; nothing to cross-check"]
    lines = []
    for old in sorted(set(published) | set(mapped) | set(unmapped)):
        ours = mapped.get(old, (None,))[0]
        if ours != published.get(old):
            lines.append(f"DISAGREES {old}: ours {ours}, v19 file's table {published.get(old)}")
    agreed = sum(1 for old, (new, _) in mapped.items() if published.get(old) == new)
    lines.append(f"cross-check with the v19 file's v18_to_v19_remap: {agreed} of {len(published)} agree")
    return lines


def render(v18_data, v19_data, v18_tactics, v19_tactics, v19_techniques, v18_techniques, mapped):
    order = {short: i for i, (_, short, _) in enumerate(v19_tactics)}
    tactic_id = {short: tid for tid, short, _ in v19_tactics}
    top = sum(1 for tid in v19_techniques if "." not in tid)
    sub = len(v19_techniques) - top
    v19_by_id = {tid: (short, name) for tid, short, name in v19_tactics}
    v18_aliases = [(short, tid, name) for tid, short, name in v18_tactics
                   if tid in v19_by_id and v19_by_id[tid] != (short, name)]
    out = [
        f"# {ATTRIBUTION}",
        "#",
        *(f"# {line}" for line in LICENSE_LINES),
        "#",
        "# Trailhound's pinned ATT&CK catalogue. Generated by tools/attack/generate-catalogue.py; do not edit by",
        "# hand, re-run the script. Sources:",
        f"#   v19:   {v19_data['source']['repo']}@{v19_data['source']['commit']}",
        f"#          tactic order from {v19_data.get('tactic_order_source', 'the v19 file')}",
        f"#   v18.1: {v18_data['source']['repo']}@{v18_data['source']['commit']}",
        f"# {len(v19_tactics)} tactics, {top} techniques, {sub} sub-techniques, {len(mapped)} v18 translations.",
        "#",
        "# Tab-separated. Records:",
        "#   tactic      <id> <short name> <name>                 (kill-chain order = line order)",
        "#   technique   <id> <name> <tactic ids in kill-chain order, comma-separated>",
        "#               (a sub-technique's parent is the id before the '.')",
        "#   v18-tactic  <v18 short name> <v19 tactic id> <v18 name>",
        "#   v18         <v18 id> <v19 id> <v18 name> <basis: same-name | manual>",
    ]
    out += ["\t".join(("tactic", tid, short, name)) for tid, short, name in v19_tactics]
    for tid in sorted(v19_techniques):
        t = v19_techniques[tid]
        ids = ",".join(tactic_id[s] for s in sorted(t["tactics"], key=order.get))
        out.append("\t".join(("technique", tid, t["name"], ids)))
    out += ["\t".join(("v18-tactic", short, tid, name)) for short, tid, name in v18_aliases]
    for old in sorted(mapped):
        new, basis = mapped[old]
        out.append("\t".join(("v18", old, new, v18_techniques[old]["name"], basis)))
    return "\n".join(out) + "\n", top, sub, v18_aliases


def split_report(v18_techniques, v19_techniques, mapped):
    """How the v18 Defense Evasion techniques spread over the v19 tactics, for the record."""
    spread = {}
    for old, t in v18_techniques.items():
        if "defense-evasion" in t["tactics"]:
            new = mapped.get(old, (old,))[0]
            for short in v19_techniques.get(new, {}).get("tactics", ["(unmapped)"]):
                if short in ("stealth", "defense-impairment", "(unmapped)"):
                    spread[short] = spread.get(short, 0) + 1
    return spread


def main(argv):
    parser = argparse.ArgumentParser(description="Generate the pinned ATT&CK Enterprise v19 catalogue TSV.")
    parser.add_argument("v18_json", help="compact ATT&CK v18.1 Enterprise JSON")
    parser.add_argument("v19_json", help="compact ATT&CK v19 Enterprise JSON")
    parser.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT, help=f"output TSV (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)

    v18_data, v19_data = load(args.v18_json), load(args.v19_json)
    try:
        v18_tactics, v19_tactics = tactics_of(v18_data, "v18"), tactics_of(v19_data, "v19")
        v18_techniques, v19_techniques = techniques_of(v18_data, "v18"), techniques_of(v19_data, "v19")
        check_tactic_split(v18_tactics, v19_tactics)
        v19_checks(v19_tactics, v19_techniques)
        mapped, unmapped, notes = successors(v18_techniques, v19_techniques)
    except DataError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1

    text, top, sub, v18_aliases = render(v18_data, v19_data, v18_tactics, v19_tactics, v19_techniques,
                                         v18_techniques, mapped)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)

    print(f"wrote {args.out}")
    print("tactics (kill-chain order): " + " ".join(tid for tid, _, _ in v19_tactics))
    print(f"counts: {len(v19_tactics)} tactics, {top} techniques, {sub} sub-techniques, "
          f"{len(mapped)} v18 translations "
          f"({sum(1 for _, b in mapped.values() if b == 'same-name')} same-name, "
          f"{sum(1 for _, b in mapped.values() if b == 'manual')} manual)")
    for short, tid, name in v18_aliases:
        print(f"v18 tactic {short} ({name}) -> {tid}")
    for old in sorted(mapped):
        new, basis = mapped[old]
        print(f"  {old} {v18_techniques[old]['name']!r} -> {new} {v19_techniques[new]['name']!r} [{basis}]")
    print("v18 Defense Evasion techniques by v19 tactic: "
          + ", ".join(f"{k} {v}" for k, v in sorted(split_report(v18_techniques, v19_techniques, mapped).items())))
    for line in notes + cross_check(mapped, unmapped, v19_data):
        print(line)
    if unmapped:
        print("could not map: " + ", ".join(f"{old} {v18_techniques[old]['name']!r}" for old in unmapped))
    else:
        print("could not map: none")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
