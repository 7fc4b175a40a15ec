#!/usr/bin/env python3
"""The pbp command line: exit codes (0 success, 1 model errors, 2 usage/I-O/parse), error
output, --help and --json shapes (SPEC 4.1). usage: cli_test.py PATH/TO/pbp TESTS/DATA"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

PBP = DATA = CONFORMANCE = None


def run(*args, stdin=None):
    p = subprocess.run([PBP, *args], capture_output=True, text=True, input=stdin, timeout=120)
    return p.returncode, p.stdout, p.stderr


class ExitCodes(unittest.TestCase):
    def test_no_arguments_is_usage(self):
        code, _, err = run()
        self.assertEqual(code, 2)
        self.assertIn("usage", err)

    def test_unknown_command(self):
        code, _, err = run("frobnicate")
        self.assertEqual(code, 2)
        self.assertIn("unknown command 'frobnicate'", err)

    def test_unknown_option(self):
        code, _, err = run("validate", CONFORMANCE, "--frob")
        self.assertEqual(code, 2)
        self.assertIn("--frob", err)

    def test_missing_file(self):
        code, _, err = run("validate", os.path.join(DATA, "cli", "no_such_file.json"))
        self.assertEqual(code, 2)
        self.assertIn("no_such_file.json", err)

    def test_io_errors_do_not_send_the_user_to_help(self):
        # A file that cannot be read or written is no mistake in the call: exit 2, no "(see ... --help)".
        with tempfile.TemporaryDirectory() as tmp:
            nowhere = os.path.join(tmp, "no", "such", "dir")
            for args, says in ((["validate", os.path.join(tmp, "missing.json")], "no file"),
                               (["validate", tmp], "is a directory"),
                               (["import-areas", os.path.join(tmp, "missing.csv")], "cannot read"),
                               (["import-areas", os.path.join(DATA, "capi", "lookup.csv"), "-o", os.path.join(nowhere, "a.json")],
                                "cannot write"),
                               (["report", CONFORMANCE, "--html", os.path.join(nowhere, "r.html")], "cannot write"),
                               (["accountability", CONFORMANCE, "--nodes", os.path.join(tmp, "missing.txt")], "cannot read")):
                code, out, err = run(*args)
                self.assertEqual((code, out), (2, ""), args)
                self.assertIn(says, err, args)
                self.assertNotIn("--help", err, args)
        # A usage error still does.
        code, _, err = run("validate", CONFORMANCE, "--frob")
        self.assertIn("(see 'pbp validate --help')", err)

    def test_imports_name_a_missing_or_wrong_kind_of_input(self):
        lookup = os.path.join(DATA, "capi", "lookup.csv")
        with tempfile.TemporaryDirectory() as tmp:
            missing = os.path.join(tmp, "missing")
            for args, says in ((["import-ods", missing], f"there is no directory '{missing}'"),
                               (["import-ods", lookup], f"'{lookup}' is not a directory"),
                               (["import-areas", tmp], f"'{tmp}' is a directory, not a lookup table (CSV)"),
                               (["import-areas", lookup, "--population", tmp],
                                f"'{tmp}' is a directory, not a population table (CSV)")):
                code, out, err = run(*args)
                self.assertEqual((code, out), (2, ""), args)
                self.assertIn(says, err, args)
                self.assertNotIn("ods_etr.csv", err)
                self.assertNotIn("empty", err)

    def test_invalid_json_is_2_with_line_and_column(self):
        code, out, err = run("validate", os.path.join(DATA, "cli", "not_json.json"), "--json")
        self.assertEqual(code, 2)
        self.assertIn("E001", err)
        self.assertIn("line 5", err)  # the missing comma is on line 5
        self.assertNotIn("Traceback", err)

    def test_a_pipe_or_device_is_read_as_a_model_and_a_directory_refused(self):
        # `pbp validate <(cat model.json)`: the shell passes /dev/fd/N, a link to a pipe.
        with open(CONFORMANCE, "rb") as f:
            text = f.read()
        r, w = os.pipe()
        try:
            p = subprocess.Popen([PBP, "validate", f"/dev/fd/{r}", "--json"], pass_fds=(r,),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            os.close(r)
            os.write(w, text)  # the process reads as it is written
            os.close(w)
            w = None
            out, err = p.communicate(timeout=120)
        finally:
            if w is not None:
                os.close(w)
        self.assertEqual(p.returncode, 0, err)
        self.assertEqual(json.loads(out)["errors"], 0)
        # docs/limits.md: /dev/zero is read no further than one byte past the limit, then E010.
        if os.path.exists("/dev/zero"):
            code, out, err = run("validate", "/dev/zero")
            self.assertEqual((code, out), (2, ""))
            self.assertIn("E010", err)
        code, out, err = run("validate", DATA)
        self.assertEqual((code, out), (2, ""))
        self.assertIn(f"'{DATA}' is a directory, not a model file", err)

    def test_wrong_format_is_2(self):
        code, _, err = run("validate", os.path.join(DATA, "cli", "wrong_format.json"))
        self.assertEqual(code, 2)
        self.assertIn("E002", err)

    def test_validate_json_gives_the_one_document_also_when_the_model_cannot_load(self):
        for name, code_, where in (("not_json.json", "E001", ("", 5, 16)), ("wrong_format.json", "E002", ("/format", 1, 12))):
            path = os.path.join(DATA, "cli", name)
            code, out, err = run("validate", path, "--json")
            self.assertEqual(code, 2, name)
            self.assertIn(code_, err)  # standard error as in text mode
            doc = json.loads(out)
            self.assertEqual((doc["errors"], doc["warnings"]), (1, 0))
            [d] = doc["diagnostics"]
            self.assertEqual((d["code"], d["severity"]), (code_, "error"))
            self.assertEqual((d["path"], d["line"], d["column"]), where)
            self.assertIn("message", d)
            # Text mode: nothing on standard output, as before.
            code, out, err = run("validate", path)
            self.assertEqual((code, out), (2, ""))
            self.assertIn(code_, err)

    def test_validate_clean_model_is_0(self):
        code, out, _ = run("validate", CONFORMANCE, "--json")
        self.assertEqual(code, 0)
        doc = json.loads(out)
        self.assertEqual(doc["errors"], 0)
        self.assertIn("warnings", doc)
        self.assertIsInstance(doc["diagnostics"], list)

    def test_validate_heads_its_list_with_the_model_name_or_else_the_operand(self):
        code, out, _ = run("validate", CONFORMANCE)
        self.assertEqual(code, 0)
        with open(CONFORMANCE, encoding="utf-8") as f:
            name = json.load(f)["name"]
        self.assertEqual(out.splitlines()[0], name + ": 0 errors, 0 warnings")
        # No name (itself an E006): the file as the user gave it, never a bare ": 1 error".
        code, out, _ = run("validate", "-", stdin='{"format": "pbp/1"}')
        self.assertEqual(code, 1)
        self.assertEqual(out.splitlines()[0], "-: 1 error, 0 warnings")
        self.assertIn('E006 error at / (line 1, column 1): The model has no name', out)

    def test_validate_model_with_errors_is_1(self):
        code, out, _ = run("validate", os.path.join(DATA, "cli", "with_errors.json"), "--json")
        self.assertEqual(code, 1)
        doc = json.loads(out)
        self.assertEqual(doc["errors"], 1)
        d = doc["diagnostics"][0]
        self.assertEqual(d["code"], "E004")
        self.assertEqual(d["severity"], "error")
        self.assertEqual(d["path"], "/relations/1/to")
        self.assertEqual(d["ids"], ["dhsc"])  # the relation has no id of its own
        self.assertEqual((d["line"], d["column"]), (10, 54))  # the value "dhsc" on line 10 starts at column 54
        for key in ("message", "ids", "path", "line", "column"):
            self.assertIn(key, d)

    def test_query_refuses_model_with_errors_unless_forced(self):
        model = os.path.join(DATA, "cli", "with_errors.json")
        code, out, err = run("accountability", model, "icb", "--json")
        self.assertEqual(code, 1)
        self.assertEqual(out, "")
        self.assertIn("E004", err)
        code, out, _ = run("accountability", model, "icb", "--json", "--force")
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["chain"], ["icb", "nhse"])

    def test_usage_errors_come_before_refusing_a_model_with_errors(self):
        # A model with errors is refused with exit 1; a mistake in the call is found first (exit 2).
        model = os.path.join(DATA, "cli", "with_errors.json")
        for args, says in ((["maturity", model, "--from", "bad", "--to", "worse"], "--from must be a date"),
                           (["maturity", model, "--from", "2023-01-01", "--to", "worse"], "--to must be a date"),
                           (["boundaries", model, "--parts", "place"], "missing --whole"),
                           (["boundaries", model, "--parts", "place,", "--whole", "x"], "--parts"),
                           (["boundaries", model, "--units", "place", "--areas", ""], "--areas is empty"),
                           (["fair-shares", model, "--total", "1.234", "--kind", "place"], "--total"),
                           (["fair-shares", model, "--total", "1.00", "--kind", ""], "--kind is empty"),
                           (["fair-shares", model, "--total", "1.00", "--kind", "pa,,pb"], "--kind: "),
                           (["coterminosity", model, "--a", "x,", "--b", "place"], "--a: "),
                           (["coterminosity", model, "--a", "place", "--b", ""], "--b is empty"),
                           (["authority", model, "--function", "f", "--place", "p", "--amount", "x"], "--amount"),
                           (["trace", model, "icb", "--year", "2023"], "--year"),
                           (["designation", model, "--as-of", "2023-13-01"], "--as-of")):
            code, out, err = run(*args)
            self.assertEqual((code, out), (2, ""), args)
            self.assertIn(says, err, args)
            self.assertNotIn("E004", err, args)

    def test_money_and_weights_out_of_range_say_so(self):
        # docs/limits.md: 2^127 - 1 pence is the largest amount, either way; a weight has at most 200 digits.
        largest = "1701411834604692317316873037158841057.27"
        code, out, _ = run("allocate", largest, "1", "--json")
        self.assertEqual((code, json.loads(out)["total"]), (0, largest))
        for total in ("1701411834604692317316873037158841057.28", "-1701411834604692317316873037158841057.28",
                      "9" * 45):
            code, out, err = run("allocate", total, "1")
            self.assertEqual((code, out), (2, ""), total)
            self.assertIn(f"TOTAL '{total}' is out of range", err)
            self.assertNotIn("such as 1234.50", err)
        code, _, err = run("fair-shares", CONFORMANCE, "--total", "100.00", "--kind", "place", "--floor", "9" * 40)
        self.assertEqual(code, 2)
        self.assertIn("--floor '" + "9" * 40 + "' is out of range", err)
        code, _, err = run("allocate", "1.234", "1")  # three decimal places: not money at all
        self.assertEqual(code, 2)
        self.assertIn("TOTAL must be an amount such as 1234.50", err)
        code, out, err = run("allocate", "100.00", "1", "1" + "0" * 200)
        self.assertEqual((code, out), (2, ""))
        self.assertIn("weight 2 has 201 digits; pbp reads weights of at most 200 digits", err)
        self.assertEqual(run("allocate", "100.00", "1", "1" + "0" * 199)[0], 0)
        code, _, err = run("allocate", "100.00", "x")
        self.assertIn("weight 1 must be a whole or decimal number", err)

    def test_unknown_node_is_usage_error_naming_it(self):
        code, out, err = run("accountability", CONFORMANCE, "no.such.node", "--json")
        self.assertEqual(code, 2)
        self.assertIn("no.such.node", err)

    def test_node_not_valid_on_the_day(self):
        # ics0.place3.sc exists; relations dated 2023-04-01 don't matter here, but a bad date does.
        code, _, err = run("accountability", CONFORMANCE, "icb0", "--as-of", "2023-02-30")
        self.assertEqual(code, 2)
        self.assertIn("YYYY-MM-DD", err)

    def test_options_before_operands_and_stdin(self):
        with open(CONFORMANCE, encoding="utf-8") as fh:
            text = fh.read()
        code, out, _ = run("accountability", "--json", "-", "icb0", stdin=text)
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["chain"], ["icb0", "nhse", "dhsc", "parliament"])


def run_to(stdout, *args, preexec_fn=None):
    """Runs pbp with standard output sent to `stdout` (a file object, or None with preexec_fn)."""
    p = subprocess.run([PBP, *args], stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120,
                       preexec_fn=preexec_fn)
    return p.returncode, p.stderr


@unittest.skipUnless(os.path.exists("/dev/full"), "needs /dev/full")
class StandardOutput(unittest.TestCase):
    """An answer that cannot be written is an I/O failure (SPEC 4.1: exit 2), not a silent 0."""

    def test_a_full_device_is_exit_2_naming_standard_output(self):
        lookup = os.path.join(DATA, "capi", "lookup.csv")
        for args in (["export", CONFORMANCE], ["report"], ["allocate", "10.00", "1", "2", "--json"],
                     ["decides", CONFORMANCE, "--function", "icb0.fn0", "--place", "ics0.place0", "--json"],
                     ["accountability", CONFORMANCE, "--all"], ["import-areas", lookup], ["--help"], ["validate", "--help"]):
            with open("/dev/full", "w") as full:
                code, err = run_to(full, *args)
            self.assertEqual(code, 2, args)
            self.assertIn("cannot write to standard output: No space left on device", err, args)
            self.assertNotIn("--help", err.replace("validate --help", ""), args)

    def test_a_closed_standard_output_is_exit_2(self):
        for args in (["export", CONFORMANCE], ["allocate", "10.00", "1", "2"]):
            code, err = run_to(None, *args, preexec_fn=lambda: os.close(1))
            self.assertEqual(code, 2, args)
            self.assertIn("cannot write to standard output", err, args)

    def test_nothing_written_to_it_is_no_failure(self):
        # With -o OUT the model goes to OUT and nothing to standard output: a full one does not matter.
        with tempfile.TemporaryDirectory() as tmp, open("/dev/full", "w") as full:
            out = os.path.join(tmp, "areas.json")
            code, err = run_to(full, "import-areas", os.path.join(DATA, "capi", "lookup.csv"), "-o", out)
            self.assertEqual(code, 0, err)
            self.assertTrue(os.path.getsize(out) > 0)


class CommonOptions(unittest.TestCase):
    """--json, --as-of and --force are taken by the commands whose help lists them; any other
    command refuses them (exit 2, naming option and command) instead of ignoring them."""

    def commands(self):
        out = run("--help")[1]
        return [line.split()[0] for line in out.split("commands:\n")[1].split("\n\n")[0].splitlines()]

    def test_each_command_takes_exactly_the_common_options_its_help_lists(self):
        taken = {}
        for c in self.commands():
            help_text = run(c, "--help")[1]
            for option, value in (("--json", []), ("--as-of", ["2023-04-01"]), ("--force", [])):
                code, _, err = run(c, option, *value)
                refused = f"'pbp {c}' takes no {option} option" in err
                self.assertEqual(refused, option not in help_text, (c, option, err))
                if refused:
                    self.assertEqual(code, 2)
                    self.assertIn(f"pbp {c}: ", err)
                else:
                    taken.setdefault(c, []).append(option)
        # The table of docs/queries/README.md.
        self.assertEqual(taken.get("report"), ["--as-of"])
        self.assertEqual(taken.get("export"), ["--as-of"])
        self.assertEqual(taken.get("validate"), ["--json"])
        self.assertEqual(taken.get("allocate"), ["--json"])
        self.assertEqual(taken.get("balances"), ["--json", "--force"])
        self.assertEqual(taken.get("trace"), ["--json", "--as-of", "--force"])
        self.assertEqual(taken.get("diff"), ["--json", "--force"])
        self.assertNotIn("import-areas", taken)
        self.assertEqual(taken.get("import-ods"), ["--force"])  # for an areas model with errors
        for c in ("accountability", "decides", "authority", "designation", "coterminosity", "boundaries",
                  "fair-shares", "partners", "maturity"):
            self.assertEqual(taken.get(c), ["--json", "--as-of", "--force"], c)

    def test_trace_as_of_asks_only_that_the_node_exists_that_day(self):
        # SPEC 2.6.10: a node that does not exist on the as-of day is a usage error; flows are
        # still chosen by year alone, so the answer on a day the node exists is the same.
        model = {"format": "pbp/1", "name": "t",
                 "organisations": [{"id": "nhse", "kind": "nhs_england"},
                                   {"id": "icb", "kind": "icb", "valid_from": "2022-07-01"}],
                 "flows": [{"from": "nhse", "to": "icb", "amount": "100.00", "year": "2023/24"}]}
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "m.json")
            with open(path, "w") as f:
                json.dump(model, f)
            plain = run("trace", path, "icb", "--year", "2023/24", "--json")
            self.assertEqual(plain[0], 0, plain[2])
            self.assertEqual(run("trace", path, "icb", "--year", "2023/24", "--as-of", "2023-01-01", "--json")[:2],
                             plain[:2])
            code, out, err = run("trace", path, "icb", "--year", "2023/24", "--as-of", "2022-01-01", "--json")
            self.assertEqual((code, out), (2, ""))
            self.assertIn("'icb' does not exist on 2022-01-01", err)

    def test_the_reviewers_cases(self):
        for args in (["balances", CONFORMANCE, "--year", "2023/24", "--as-of", "garbage", "--json"],
                     ["validate", CONFORMANCE, "--as-of", "nonsense"],
                     ["allocate", "100", "1", "2", "--as-of", "x", "--force"],
                     ["report", CONFORMANCE, "--json"]):
            code, out, err = run(*args)
            self.assertEqual((code, out), (2, ""), args)
            self.assertIn("takes no", err, args)

    def test_a_malformed_date_is_always_a_usage_error(self):
        for args in (["designation", CONFORMANCE], ["report", CONFORMANCE], ["export", CONFORMANCE, "--format", "dot"],
                     ["partners", CONFORMANCE, "icb0"], ["maturity", CONFORMANCE], ["decides", CONFORMANCE,
                     "--function", "icb0.fn0", "--all-places"]):
            code, out, err = run(*args, "--as-of", "2023-02-30")
            self.assertEqual((code, out), (2, ""), args)
            self.assertIn("--as-of must be a date written YYYY-MM-DD, not '2023-02-30'", err, args)

    def test_documented_uses_still_work(self):
        self.assertEqual(run("export", CONFORMANCE, "--format", "dot", "--as-of", "2023-04-01")[0], 0)
        self.assertIn(run("report", CONFORMANCE, "--as-of", "2023-04-01")[0], (0, 1))
        self.assertEqual(run("validate", CONFORMANCE, "--json")[0], 0)
        self.assertEqual(run("allocate", "10.00", "1", "--json")[0], 0)
        self.assertEqual(run("diff", CONFORMANCE, "--from", "2023-01-01", "--to", "2024-01-01", "--json", "--force")[0], 0)
        code, out, _ = run("balances", CONFORMANCE, "--year", "2023/24", "--json", "--force")
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["year"], "2023/24")
        # The batch forms: JSON Lines whether or not --json is given.
        a = run("decides", CONFORMANCE, "--function", "icb0.fn0", "--all-places", "--json", "--as-of", "2023-04-01")
        b = run("decides", CONFORMANCE, "--function", "icb0.fn0", "--all-places", "--as-of", "2023-04-01")
        self.assertEqual(a, b)
        self.assertEqual(a[0], 0)

    def test_refusal_of_a_model_with_errors_suggests_force_only_where_it_is_taken(self):
        model = os.path.join(DATA, "cli", "with_errors.json")
        code, _, err = run("designation", model)
        self.assertEqual(code, 1)
        self.assertIn("pass --force", err)
        code, _, err = run("import-ods", os.path.join(DATA, "ods"), "--areas", model)
        self.assertEqual(code, 1)
        self.assertIn("pass --force", err)  # import-ods takes it: build on those areas anyway
        code, out, _ = run("import-ods", os.path.join(DATA, "ods"), "--areas", model, "--force")
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["format"], "pbp/1")
        code, _, err = run("import-areas", os.path.join(DATA, "capi", "lookup.csv"), "--force")
        self.assertEqual(code, 2)
        self.assertIn("'pbp import-areas' takes no --force option", err)


class Shapes(unittest.TestCase):
    def test_accountability_keys(self):
        code, out, _ = run("accountability", CONFORMANCE, "ics0.place1.lead", "--json")
        self.assertEqual(code, 0)
        doc = json.loads(out)
        self.assertEqual(sorted(doc), ["apexes", "chain", "node", "reachable"])
        # the lead answers to the ICB and to council 1: two apexes, Parliament and electorate 1
        self.assertEqual(doc["apexes"], ["ics0.electorate1", "parliament"])

    def test_accountability_all_is_json_lines_of_the_single_answers(self):
        model = json.loads(run("export", CONFORMANCE, "--format", "json")[1])
        ids = sorted((e["id"] for s in ("organisations", "bodies", "posts") for e in model.get(s, [])),
                     key=lambda i: i.encode())
        code, out, _ = run("accountability", CONFORMANCE, "--all")
        self.assertEqual(code, 0)
        answers = [json.loads(line) for line in out.splitlines()]
        self.assertEqual([a["node"] for a in answers], ids)
        for a in answers:
            self.assertEqual(a, json.loads(run("accountability", CONFORMANCE, a["node"], "--json")[1]))

    def test_accountability_nodes_from_stdin_in_order_and_unknown_ids(self):
        code, out, _ = run("accountability", CONFORMANCE, "--nodes", "-", stdin="# leads\nics0.place1.lead\n\nparliament\n")
        self.assertEqual(code, 0)
        self.assertEqual([json.loads(line)["node"] for line in out.splitlines()], ["ics0.place1.lead", "parliament"])
        code, out, err = run("accountability", CONFORMANCE, "--nodes", "-", stdin="parliament\nnobody\n")
        self.assertEqual((code, out), (2, ""))
        self.assertIn("line 2", err)
        self.assertIn("nobody", err)
        # An area or function answers to no one: refused before anything is printed.
        code, out, err = run("accountability", CONFORMANCE, "--nodes", "-", stdin="parliament\nics0.place0\n")
        self.assertEqual((code, out), (2, ""))
        self.assertIn("standard input, line 2: 'ics0.place0' is not an organisation, body or post (it is in areas)", err)
        code, out, err = run("accountability", CONFORMANCE, "icb0.fn0")
        self.assertEqual((code, out), (2, ""))
        self.assertIn("'icb0.fn0' is not an organisation, body or post (it is in functions)", err)
        code, _, err = run("accountability", CONFORMANCE, "parliament", "--all")
        self.assertEqual(code, 2)
        code, _, err = run("accountability", "-", "--nodes", "-", stdin="{}")
        self.assertEqual(code, 2)
        self.assertIn("standard input", err)

    def test_decides_all_places_is_json_lines_of_the_single_answers(self):
        model = json.loads(run("export", CONFORMANCE, "--format", "json")[1])
        places = sorted(a["id"] for a in model["areas"] if a.get("kind") == "place")
        for f in model["functions"]:
            code, out, err = run("decides", CONFORMANCE, "--function", f["id"], "--all-places")
            self.assertEqual(code, 0, err)
            answers = [json.loads(line) for line in out.splitlines()]
            self.assertEqual([d["place"] for d in answers], places)
            for d in answers:
                single = run("decides", CONFORMANCE, "--function", f["id"], "--place", d["place"], "--json")[1]
                self.assertEqual(d, json.loads(single))
        code, _, _ = run("decides", CONFORMANCE, "--function", model["functions"][0]["id"], "--all-places",
                         "--place", places[0])
        self.assertEqual(code, 2)

    def test_decides_places_checks_every_id_before_printing_anything(self):
        # Line 1 is a place; line 3 names an organisation, which is no area.
        code, out, err = run("decides", CONFORMANCE, "--function", "icb0.fn0", "--places", "-",
                             stdin="ics0.place0\n# an ICB is not a place\nicb0\nics0.place1\n")
        self.assertEqual((code, out), (2, ""))
        self.assertIn("standard input, line 3: 'icb0' is not an area, so it cannot be a place", err)
        code, out, err = run("decides", CONFORMANCE, "--function", "icb0.fn0", "--places", "-", stdin="ics0.place0\nnowhere\n")
        self.assertEqual((code, out), (2, ""))
        self.assertIn("line 2: there is no 'nowhere' in the model", err)
        # A function that is no function: refused even when the list is empty.
        code, out, err = run("decides", CONFORMANCE, "--function", "icb0", "--places", "-", stdin="")
        self.assertEqual((code, out), (2, ""))
        self.assertIn("'icb0' is not a function", err)
        code, out, _ = run("decides", CONFORMANCE, "--function", "icb0.fn0", "--places", "-", stdin="ics0.place1\nics0.place0\n")
        self.assertEqual(code, 0)
        self.assertEqual([json.loads(line)["place"] for line in out.splitlines()], ["ics0.place1", "ics0.place0"])

    def test_id_lists_a_directory_is_an_io_error_and_a_byte_order_mark_is_skipped(self):
        with tempfile.TemporaryDirectory() as tmp:
            for args in (["accountability", CONFORMANCE, "--nodes", tmp],
                         ["decides", CONFORMANCE, "--function", "icb0.fn0", "--places", tmp]):
                code, out, err = run(*args)
                self.assertEqual((code, out), (2, ""), args)
                self.assertIn(f"the list of ids '{tmp}' is a directory, not a file", err)
                self.assertNotIn("--help", err)  # an I/O error, not a mistake in the call
            listed = os.path.join(tmp, "ids.txt")
            with open(listed, "wb") as f:
                f.write(b"\xef\xbb\xbfparliament\r\nnhse\r\n")  # as Notepad saves "UTF-8 with BOM"
            code, out, err = run("accountability", CONFORMANCE, "--nodes", listed)
            self.assertEqual(code, 0, err)
            self.assertEqual([json.loads(line)["node"] for line in out.splitlines()], ["parliament", "nhse"])
            with open(listed, "wb") as f:
                f.write(b"\xef\xbb\xbfics0.place1\n")
            code, out, err = run("decides", CONFORMANCE, "--function", "icb0.fn0", "--places", listed)
            self.assertEqual(code, 0, err)
            self.assertEqual(json.loads(out)["place"], "ics0.place1")

    def test_export_round_trips(self):
        code, out, _ = run("export", CONFORMANCE, "--format", "json")
        self.assertEqual(code, 0)
        with open(CONFORMANCE, encoding="utf-8") as fh:
            self.assertEqual(json.loads(out), json.load(fh))

    def test_every_command_has_help(self):
        code, out, _ = run("--help")
        self.assertEqual(code, 0)
        commands = [line.split()[0] for line in out.split("commands:\n")[1].split("\n\n")[0].splitlines()]
        self.assertIn("report", commands)
        for c in commands:
            code, text, _ = run(c, "--help")
            self.assertEqual(code, 0, c)
            self.assertIn("usage: pbp " + c, text)

    def test_help_command_is_the_commands_help(self):
        self.assertEqual(run("help", "decides"), run("decides", "--help"))
        self.assertTrue(run("help", "decides")[1].startswith("usage: pbp decides"))
        code, out, _ = run("help")
        self.assertEqual(code, 0)
        self.assertIn("commands:", out)
        code, out, err = run("help", "frobnicate")
        self.assertEqual((code, out), (2, ""))
        self.assertIn("unknown command 'frobnicate'", err)

    def test_boundaries(self):
        # Notts (000; 004): four places built from whole districts partition the ICS area.
        code, out, _ = run("boundaries", "nottinghamshire", "--parts", "place", "--whole", "ics.notts", "--json")
        self.assertEqual(code, 0)
        self.assertTrue(json.loads(out)["partitions"])
        # Every place lies within one council footprint (the city, or the county) ...
        code, out, _ = run("boundaries", "nottinghamshire", "--units", "place", "--areas", "local_authority", "--json")
        self.assertTrue(json.loads(out)["respects"])
        # ... but the county footprint is cut by three places. Its people, split three ways, are
        # all of Nottinghamshire's 1,163,335 (mid-2022) but the city's 328,513.
        code, out, _ = run("boundaries", "nottinghamshire", "--units", "local_authority", "--areas", "place", "--json")
        doc = json.loads(out)
        self.assertFalse(doc["respects"])
        county = [u for u in doc["units"] if u["unit"] == "la.nottinghamshire"][0]
        self.assertIsNone(county["within"])
        self.assertEqual([p["area"] for p in county["pieces"]], ["place.bassetlaw", "place.mid-notts", "place.south-notts"])
        self.assertEqual(sum(p["population"] for p in county["pieces"]), 1163335 - 328513)
        code, _, err = run("boundaries", "nottinghamshire", "--parts", "place", "--units", "place")
        self.assertEqual(code, 2)
        self.assertIn("either", err)

    def test_option_forms(self):
        # SPEC 2.6.10: `--` ends options, so what follows is an operand even when it looks like
        # an option; before it, options mix with operands.
        code, out, err = run("allocate", "--json", "--", "-10.00", "1", "2")
        self.assertEqual((code, json.loads(out)), (0, {"total": "-10.00", "shares": ["-3.33", "-6.67"]}), err)
        code, _, err = run("allocate", "10.00", "--", "1", "--json")
        self.assertEqual(code, 2)
        self.assertIn("weight 2", err)
        self.assertIn("'--json'", err)
        # --NAME=VALUE is --NAME VALUE; a flag given a value that way is refused.
        spaced = run("fair-shares", CONFORMANCE, "--total", "100.00", "--kind", "place", "--json", "--force")
        self.assertEqual(spaced[0], 0, spaced[2])
        self.assertEqual(run("fair-shares", CONFORMANCE, "--total=100.00", "--kind=place", "--json", "--force"), spaced)
        code, _, err = run("fair-shares", CONFORMANCE, "--total=100.00", "--kind=place", "--json=yes", "--force")
        self.assertEqual(code, 2)
        self.assertIn("--json takes no value", err)
        # -h is --help, for pbp itself and for each command.
        self.assertEqual(run("accountability", "-h"), run("accountability", "--help"))
        self.assertEqual(run("-h"), run("--help"))
        code, out, _ = run("--version")
        self.assertEqual(code, 0)
        self.assertRegex(out, r"^pbp \d+\.\d+\.\d+\n$")

    def test_empty_answers_say_so(self):
        # Nothing to show is an answer, said in words (and exit 0), not an empty screen.
        code, out, err = run("balances", CONFORMANCE, "--year", "1999/00", "--force")
        self.assertEqual((code, out), (0, "No flows in 1999/00.\n"), err)
        code, out, _ = run("balances", CONFORMANCE, "--year", "1999/00", "--force", "--json")
        self.assertEqual(json.loads(out), {"year": "1999/00", "nodes": []})
        # NHS England pays out but receives nothing in the conformance model.
        code, out, err = run("trace", CONFORMANCE, "nhse", "--year", "2023/24", "--force")
        self.assertEqual(code, 0, err)
        self.assertIn("(nothing: it received no money that year)", out)
        code, out, _ = run("trace", CONFORMANCE, "nhse", "--year", "2023/24", "--force", "--json")
        self.assertEqual(json.loads(out), {"node": "nhse", "year": "2023/24", "total": "0.00", "sources": []})
        code, out, err = run("diff", CONFORMANCE, "--from", "2020-01-01", "--to", "2020-01-02", "--force")
        self.assertEqual((code, out.splitlines()[-1]), (0, "  none"), err)

    def test_boundaries_and_partners_name_the_people_that_do_not_fit(self):
        # E holds w1 (10 people, in pa and pb), w2 (20, in pb), w4 (7, in pc) and w5 (3); x holds
        # w3 (5) and lies outside E. The ICB serves E and x (45 people), the county council pb.
        model = json.dumps({
            "format": "pbp/1", "name": "fit",
            "areas": [{"id": "E", "kind": "country"},
                      *({"id": p, "kind": "place", "within": ["E"]} for p in ("pa", "pb", "pc")),
                      {"id": "x", "kind": "place"},
                      {"id": "w1", "kind": "ward", "within": ["pa", "pb"], "population": 10},
                      {"id": "w2", "kind": "ward", "within": ["pb"], "population": 20},
                      {"id": "w3", "kind": "ward", "within": ["x"], "population": 5},
                      {"id": "w4", "kind": "ward", "within": ["pc"], "population": 7},
                      {"id": "w5", "kind": "ward", "within": ["E"], "population": 3}],
            "organisations": [{"id": "icb", "kind": "icb", "serves": ["E", "x"]},
                              {"id": "cc", "kind": "county_council", "serves": ["pb"]}]})
        code, out, err = run("boundaries", "-", "--parts", "pa,pb,x", "--whole", "E", stdin=model)
        self.assertEqual(code, 0, err)
        self.assertEqual(out.splitlines(), ["pa, pb, x do not partition E.",
                                            "  gap: 10 people in no part (w4, w5)",
                                            "  overlap: 10 people in pa, pb at once (w1)",
                                            "  outside: 5 people of x lie outside E (w3)"])
        code, out, err = run("boundaries", "-", "--parts", "pa,pb,x", "--whole", "E", "--json", stdin=model)
        self.assertEqual(json.loads(out), {
            "whole": "E", "parts": ["pa", "pb", "x"], "partitions": False,
            "gap": {"leaves": ["w4", "w5"], "population": 10},
            "overlaps": [{"areas": ["pa", "pb"], "leaves": ["w1"], "population": 10}],
            "outside": [{"area": "x", "leaves": ["w3"], "population": 5}]}, err)
        code, out, err = run("partners", "-", "icb", stdin=model)
        self.assertEqual(code, 0, err)
        self.assertTrue(out.startswith("icb: 45 people."), out)
        self.assertIn("  cc: 30 people, all of its area\n", out)
        self.assertTrue(out.endswith("\n15 people of icb live in the area of no upper-tier council of the model.\n"), out)

    def test_report_html_to_standard_output_is_the_page(self):
        with tempfile.TemporaryDirectory() as tmp:
            page = os.path.join(tmp, "report.html")
            code, _, err = run("report", "nottinghamshire", "--html", page)
            self.assertEqual(code, 0, err)
            code, out, err = run("report", "nottinghamshire", "--html", "-")
            self.assertEqual(code, 0, err)
            with open(page, encoding="utf-8") as f:
                self.assertEqual(out, f.read())
            self.assertTrue(out.startswith("<!DOCTYPE html>"))
        code, _, err = run("export", CONFORMANCE, "--format=xml")
        self.assertEqual(code, 2)
        self.assertIn("--format must be json, dot or graphml, not 'xml'", err)

    def test_text_tables_line_up_on_screen(self):
        # Every amount has a pound sign (two bytes, one column) and names may have accents: the
        # tables of balances, fair-shares and coterminosity line up in columns, not bytes.
        model = json.dumps({
            "format": "pbp/1", "name": "columns",
            "areas": [{"id": "E", "kind": "country"},
                      {"id": "p1", "name": "Ynys Môn – north", "kind": "place", "within": ["E"]},
                      {"id": "p2", "name": "Brûlé", "kind": "place", "within": ["E"]},
                      {"id": "w1", "name": "Ward één", "kind": "ward", "within": ["p1"], "population": 300},
                      {"id": "w2", "kind": "ward", "within": ["p2"], "population": 100}],
            "organisations": [{"id": "payer", "name": "Payér", "kind": "icb"},
                              {"id": "council", "name": "Cöuncil", "kind": "unitary_authority"}],
            "flows": [{"from": "payer", "to": "council", "amount": "1234567.89", "year": "2023/24"}]})

        def table(*args):
            code, out, err = run(*args, stdin=model)
            self.assertEqual(code, 0, err)
            return out.splitlines()

        # Python counts code points, as a terminal counts columns: a right-aligned column ends
        # where its heading ends, a left-aligned one starts where its heading starts.
        lines = table("fair-shares", "-", "--total", "1000.00", "--kind", "place")
        head = lines.index("area   amount  weight")
        self.assertEqual(lines[head + 1:head + 3], ["p1    £750.00  300.00", "p2    £250.00  100.00"])

        lines = table("balances", "-", "--year", "2023/24")
        self.assertEqual([l[-14:] for l in lines[1:4]], ["           net", " £1,234,567.89", "-£1,234,567.89"], lines)
        self.assertEqual([len(l) for l in lines[1:4]], [len(lines[1])] * 3, lines)

        lines = table("coterminosity", "-", "--a", "p1,p2", "--b", "place")
        head = next(l for l in lines if l.startswith("area"))
        starts = [head.index(h) for h in ("best match", "coverage", "relation")]
        for name in ("Ynys Môn – north (p1)", "Brûlé (p2)"):
            row = next(l for l in lines if l.startswith(name))
            self.assertEqual([row.index(name, 1), row.index("100.00%"), row.index("coterminous")], starts, lines)

    def test_report_without_model_is_the_bundled_one(self):
        code, out, err = run("report")
        self.assertIn(code, (0, 1), err)
        self.assertIn("Nottingham", out)


if __name__ == "__main__":
    PBP, DATA = sys.argv[1], sys.argv[2]
    CONFORMANCE = os.path.join(DATA, "..", "conformance", "model.json")
    result = unittest.main(argv=[sys.argv[0], "-v"], exit=False).result
    failed = len(result.failures) + len(result.errors)
    print(f"{result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
