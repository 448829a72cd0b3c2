"""Runs Spectral and threatlint with the same rulesets over the same specs and compares findings.

Called by bench/spectral-compat. Spectral's findings for a ruleset and the specs are kept in bench/out
and reused while both stay the same (Spectral takes minutes; threatlint is what changes). A ruleset
published on npm is used as published, minus what
threatlint refuses by design (custom JavaScript functions, extends of Spectral's built-in rulesets):
the script writes, under bench/out, a copy with only the rules that use Spectral's core functions,
and both tools run that copy. A finding is (rule, file, JSON pointer); agreement is the share of
findings both report among those either reports.
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

# Spectral 6's core functions (typedEnum, core in Spectral 5, moved to its oas ruleset: threatlint
# runs it, Spectral 6 cannot, so rules with it are left out of the comparison)
CORE = {"truthy", "falsy", "defined", "undefined", "pattern", "enumeration", "length", "casing",
        "alphabetical", "xor", "or", "schema", "unreferencedReusableObject"}

# the JavaScript ruleset's functions and formats are objects: name them as a YAML ruleset would
DUMP_JS = r"""
const rs = require(process.argv[1]); const ruleset = rs.default || rs;
const fns = require('@stoplight/spectral-functions'); const fmts = require('@stoplight/spectral-formats');
const nameOf = (table, x) => typeof x === 'string' ? x : (Object.keys(table).find(k => table[k] === x) || 'custom');
const rules = {};
for (const [id, rule] of Object.entries(ruleset.rules)) {
  const copy = {...rule};
  if (rule.formats) copy.formats = rule.formats.map(f => nameOf(fmts, f));
  const then = Array.isArray(rule.then) ? rule.then : [rule.then];
  copy.then = then.map(t => ({...t, function: nameOf(fns, t.function)}));
  rules[id] = copy;
}
console.log(JSON.stringify({rules}));
"""


def load(path, modules):
    if path.endswith(".js"):
        out = subprocess.run(["node", "-e", DUMP_JS, path], cwd=modules, check=True,
                             capture_output=True, text=True).stdout
        return json.loads(out)
    with open(path) as f:
        return yaml.safe_load(f)


def core_only(ruleset, base=None):
    """The ruleset's rules that use core functions only; a rule set to a severity is dropped."""
    rules = dict(base["rules"]) if base else {}
    for rule_id, rule in (ruleset.get("rules") or {}).items():
        if not isinstance(rule, dict) or "then" not in rule:
            rules.pop(rule_id, None)
            continue
        then = rule["then"] if isinstance(rule["then"], list) else [rule["then"]]
        if all(t.get("function") in CORE for t in then):
            rule = dict(rule)
            rule.pop("recommended", None)
            rules[rule_id] = rule
        else:
            rules.pop(rule_id, None)
    out = {"rules": rules}
    for key in ("aliases", "documentationUrl"):
        if key in ruleset:
            out[key] = ruleset[key]
    return out


# A key Spectral 6 cannot find again: spectral-core (1.24) maps a result below a $ref back to where it
# is written by building a JSON pointer whose segments are percent-encoded (encodePointerUriFragment) and
# then decoding only ~0 and ~1 (convertRefMapKeyToPath), so the first key with a character that
# encodeURIComponent changes (space, +, ;, [, {, ...) is not found and the result is shown at the
# mapping that holds it; results for several such keys then collapse into one.
URI_ENCODED = re.compile(r"[^A-Za-z0-9\-_.!~*'()/]")


def spectral_location(pointer):
    """The pointer cut before its first segment that Spectral percent-encodes, or None."""
    segments = pointer.split("/")[1:]
    for index, segment in enumerate(segments):
        if URI_ENCODED.search(segment):
            return "".join("/" + s for s in segments[:index])
    return None


def modulo_encoded_keys(ours, theirs):
    """Our findings, each also where Spectral shows it when Spectral loses a percent-encoded key
    (a node Spectral reaches by two routes, one through a $ref, it shows at both places)."""
    shown = set()
    for rule, file, pointer in ours:
        cut = spectral_location(pointer)
        lost = cut is not None and (rule, file, cut) in theirs
        if lost:
            shown.add((rule, file, cut))
        if not lost or (rule, file, pointer) in theirs:
            shown.add((rule, file, pointer))
    return shown


def is_root_document(folder, name):
    """An OpenAPI or Swagger document, not one of the files it references."""
    if not name.endswith((".yaml", ".yml", ".json")):
        return False
    with open(os.path.join(folder, name), errors="replace") as f:
        head = f.read(2000)
    return re.search(r'^\s*"?(openapi|swagger)"?\s*:', head, re.MULTILINE) is not None


def pointer(segments):
    return "".join("/" + str(s).replace("~", "~0").replace("/", "~1") for s in segments)


def measured(args):
    """Runs args under /usr/bin/time: the run, its wall-clock seconds and its peak memory (MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as usage:
        run = subprocess.run(["/usr/bin/time", "-o", usage.name, "-f", "%e %M", *args],
                             capture_output=True, text=True)
        seconds, kilobytes = usage.read().split()[-2:]
    return run, float(seconds), int(kilobytes) // 1024


def spectral(tool, ruleset, specs, out, reuse=False):
    """Spectral's findings; with reuse, those of an earlier run with the same ruleset and specs."""
    if reuse:
        with open(ruleset, "rb") as f:
            key = hashlib.sha256(f.read() + "\n".join(specs).encode()).hexdigest()[:16]
        out = os.path.join(os.path.dirname(out), f"spectral-{key}.json")
    if reuse and os.path.exists(out) and os.path.getsize(out) > 0:
        elapsed = memory = None
    else:
        _, elapsed, memory = measured(
            [tool, "lint", "--quiet", "-r", ruleset, "-f", "json", "-o", out, *specs])
    found = set()
    with open(out) as f:
        text = f.read().strip()
    for r in json.loads(text) if text else []:
        if r["code"] in ("unrecognized-format", "invalid-ref", "parser"):
            continue
        found.add((r["code"], os.path.realpath(r["source"]), pointer(r["path"])))
    return found, (elapsed, memory)


def threatlint(tool, config, builtin, specs, out):
    args = [tool, "check", "--root", "/", "-c", config, "--fail-on", "none", "--format", "json",
            "-o", out]
    for rule_id in builtin:
        args += ["--disable", rule_id]
    run, elapsed, memory = measured(args + specs)
    if run.returncode not in (0, 1):
        # a ruleset threatlint cannot run is a difference of its own: reported, the others go on
        return None, run.stderr.strip().splitlines()[-1]
    with open(out) as f:
        report = json.load(f)
    found = {(r["ruleId"], os.path.realpath(r["file"]), r["pointer"]) for r in report["findings"]}
    return found, (elapsed, memory)


def share(both, either):
    return f"{100.0 * both / either if either else 100.0:.1f} %"


def main():
    here, out, spectral_bin, threatlint_bin, corpus = sys.argv[1:6]
    modules = os.path.join(out, "node_modules")
    files = []
    for folder in ("banking/uk-openbanking", "banking/berlin-group", "sfti"):
        for root, _, names in os.walk(os.path.join(corpus, folder)):
            files += [os.path.join(root, n) for n in sorted(names) if is_root_document(root, n)]
    directory = os.path.join(corpus, "directory")
    files += sorted(os.path.join(directory, n) for n in os.listdir(directory))[:30]
    stripe = os.path.join(corpus, "large", "stripe__spec3@2022-04-12.json")
    zalando = load(os.path.join(modules, "@baloise/spectral-rules/zalando.yml"), modules)
    rulesets = {
        "zalando (@baloise/spectral-rules)": core_only(zalando),
        "baloise (@baloise/spectral-rules)": core_only(
            load(os.path.join(modules, "@baloise/spectral-rules/baloise.yml"), modules),
            core_only(zalando)),
        "rhoas (@rhoas/spectral-ruleset)": core_only(
            load(os.path.join(modules, "@rhoas/spectral-ruleset/ruleset.yaml"), modules)),
        "microcks (@microcks/spectral-ruleset)": core_only(
            load(os.path.join(modules, "@microcks/spectral-ruleset/microcks-rules.yaml"), modules)),
        "apisyouwonthate (@apisyouwonthate/style-guide)": core_only(
            load(os.path.join(modules, "@apisyouwonthate/style-guide/dist/ruleset.js"), modules)),
        "owasp (@stoplight/spectral-owasp-ruleset)": core_only(
            load(os.path.join(modules, "@stoplight/spectral-owasp-ruleset/dist/ruleset.js"),
                 modules)),
        "documentation (@stoplight/spectral-documentation)": core_only(
            load(os.path.join(modules, "@stoplight/spectral-documentation/dist/ruleset.js"),
                 modules)),
    }
    own = os.path.join(here, "bench", "spectral-rulesets")
    for name in sorted(os.listdir(own)):
        rulesets["own: " + name] = core_only(load(os.path.join(own, name), modules))
    builtin = [r["id"] for r in json.loads(subprocess.run(
        [threatlint_bin, "rules", "--format", "json"], capture_output=True, text=True,
        cwd=out).stdout)]
    total_both = total_either = total_both_modulo = total_either_modulo = 0
    print(f"{len(files)} specs; agreement = findings both report / findings either reports")
    for index, (name, ruleset) in enumerate(rulesets.items()):
        path = os.path.join(out, f"ruleset-{index}.json")
        with open(path, "w") as f:
            json.dump(ruleset, f)
        config = os.path.join(out, f"threatlint-{index}.yaml")
        with open(config, "w") as f:
            f.write(f"rulesets: [ruleset-{index}.json]\nrulesetErrors: warn\n")
        theirs, _ = spectral(spectral_bin, path, files, os.path.join(out, f"spectral-{index}.json"),
                             reuse=True)
        ours, failure = threatlint(threatlint_bin, config, builtin, files,
                                   os.path.join(out, f"threatlint-{index}.out.json"))
        if ours is None:
            print(f"{name}: threatlint stops: {failure}")
            continue
        both, either = len(theirs & ours), len(theirs | ours)
        shown = modulo_encoded_keys(ours, theirs)
        both_modulo, either_modulo = len(theirs & shown), len(theirs | shown)
        total_both += both
        total_either += either
        total_both_modulo += both_modulo
        total_either_modulo += either_modulo
        print(f"{name}: {len(ruleset['rules'])} rules, spectral {len(theirs)}, threatlint "
              f"{len(ours)}, both {both}: {share(both, either)}; modulo encoded keys: "
              f"{share(both_modulo, either_modulo)}")
        # the differences left once Spectral's lost keys are taken into account
        with open(os.path.join(out, f"diff-{index}.txt"), "w") as f:
            for finding in sorted(theirs - shown):
                f.write("spectral only   " + " ".join(finding) + "\n")
            for finding in sorted(shown - theirs):
                f.write("threatlint only " + " ".join(finding) + "\n")
    if total_either:
        print(f"all rulesets: {share(total_both, total_either)}; modulo encoded keys: "
              f"{share(total_both_modulo, total_either_modulo)}")
    if os.path.exists(stripe) and os.environ.get("STRIPE", "1") != "0":
        path = os.path.join(out, "ruleset-0.json")
        config = os.path.join(out, "threatlint-0.yaml")
        _, (spectral_s, spectral_mb) = spectral(spectral_bin, path, [stripe],
                                                os.path.join(out, "stripe-spectral.json"))
        _, (threatlint_s, threatlint_mb) = threatlint(threatlint_bin, config, builtin, [stripe],
                                                      os.path.join(out, "stripe-threatlint.json"))
        print(f"Stripe ({os.path.basename(stripe)}), {list(rulesets)[0]}: spectral {spectral_s:.1f} s"
              f" {spectral_mb} MB, threatlint {threatlint_s:.1f} s {threatlint_mb} MB"
              f" ({spectral_s / threatlint_s:.0f}x)")


if __name__ == "__main__":
    main()
