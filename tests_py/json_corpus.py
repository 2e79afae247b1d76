"""JSON texts to check a JSON-validity test against, and RFC 8259 as Python decides it.

The fixed cases are written out from JSONTestSuite (its `y_` files must be accepted, its `n_`
files refused), plus the words that broke our own check: `info`, `nan`, `inf` inside strings
next to arrays that end in a string. `generated_texts` mixes those words, arrays, escapes and
nesting at random, valid and broken, for comparison with `is_rfc8259`.
"""

from __future__ import annotations

import json
import random
from typing import Any

# JSONTestSuite y_ cases (accepted by every RFC 8259 parser), by their file names.
VALID = {
    "y_array_arraysWithSpaces": "[[]   ]",
    "y_array_empty-string": '[""]',
    "y_array_empty": "[]",
    "y_array_ending_with_newline": '["a"]',
    "y_array_false": "[false]",
    "y_array_heterogeneous": '[null, 1, "1", {}]',
    "y_array_null": "[null]",
    "y_array_with_1_and_newline": "[1\n]",
    "y_array_with_leading_space": " [1]",
    "y_array_with_several_null": "[1,null,null,null,2]",
    "y_array_with_trailing_space": "[2] ",
    "y_number": "[123e65]",
    "y_number_0e+1": "[0e+1]",
    "y_number_0e1": "[0e1]",
    "y_number_after_space": "[ 4]",
    "y_number_double_close_to_zero": "[-0.000000000000000000000000000000000000000000000000000000"
    "000000000000000000001]",
    "y_number_int_with_exp": "[20e1]",
    "y_number_minus_zero": "[-0]",
    "y_number_negative_int": "[-123]",
    "y_number_negative_one": "[-1]",
    "y_number_negative_zero": "[-0]",
    "y_number_real_capital_e": "[1E22]",
    "y_number_real_capital_e_neg_exp": "[1E-2]",
    "y_number_real_capital_e_pos_exp": "[1E+2]",
    "y_number_real_exponent": "[123e45]",
    "y_number_real_fraction_exponent": "[123.456e78]",
    "y_number_real_neg_exp": "[1e-2]",
    "y_number_real_pos_exponent": "[1e+2]",
    "y_number_simple_int": "[123]",
    "y_number_simple_real": "[123.456789]",
    "y_number_huge_exp": "[0.4e00669999999999999999999999999999999999999999999999999999999"
    "9999999999999999999999999999999999999999999999969999999006]",
    "y_number_real_overflow": "[1.5e+9999]",
    "y_number_too_big_pos_int": "[100000000000000000000]",
    "y_number_very_big_negative_int": "[-237462374673276894279832749832423479823246327846]",
    "y_object": '{"asd":"sdf", "dfg":"fgh"}',
    "y_object_basic": '{"asd":"sdf"}',
    "y_object_duplicated_key": '{"a":"b","a":"c"}',
    "y_object_duplicated_key_and_value": '{"a":"b","a":"b"}',
    "y_object_empty": "{}",
    "y_object_empty_key": '{"":0}',
    "y_object_escaped_null_in_key": '{"foo\\u0000bar": 42}',
    "y_object_extreme_numbers": '{ "min": -1.0e+28, "max": 1.0e+28 }',
    "y_object_long_strings": '{"x":[{"id": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}], '
    '"id": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}',
    "y_object_simple": '{"a":[]}',
    "y_object_string_unicode": '{"title":"\\u041f\\u043e\\u043b\\u0442\\u043e\\u0440\\u0430 '
    '\\u0417\\u0435\\u043c\\u043b\\u0435\\u043a\\u043e\\u043f\\u0430" }',
    "y_object_with_newlines": '{\n"a": "b"\n}',
    "y_string_1_2_3_bytes_UTF-8_sequences": '["\\u0060\\u012a\\u12AB"]',
    "y_string_accepted_surrogate_pair": '["\\uD801\\udc37"]',
    "y_string_accepted_surrogate_pairs": '["\\ud83d\\ude39\\ud83d\\udc8d"]',
    "y_string_allowed_escapes": '["\\"\\\\\\/\\b\\f\\n\\r\\t"]',
    "y_string_backslash_and_u_escaped_zero": '["\\\\u0000"]',
    "y_string_backslash_doublequotes": '["\\""]',
    "y_string_comments": '["a/*b*/c/*d//e"]',
    "y_string_double_escape_a": '["\\\\a"]',
    "y_string_double_escape_n": '["\\\\n"]',
    "y_string_escaped_control_character": '["\\u0012"]',
    "y_string_escaped_noncharacter": '["\\uFFFF"]',
    "y_string_in_array": '["asd"]',
    "y_string_in_array_with_leading_space": '[ "asd"]',
    "y_string_last_surrogates_1_and_2": '["\\uDBFF\\uDFFF"]',
    "y_string_nbsp_uescaped": '["new\\u00A0line"]',
    "y_string_nonCharacterInUTF-8_U+10FFFF": '["\U0010ffff"]',
    "y_string_null_escape": '["\\u0000"]',
    "y_string_one-byte-utf-8": '["\\u002c"]',
    "y_string_pi": '["\u03c0"]',
    "y_string_simple_ascii": '["asd "]',
    "y_string_space": '" "',
    "y_string_three-byte-utf-8": '["\\u0821"]',
    "y_string_two-byte-utf-8": '["\\u0123"]',
    "y_string_u+2028_line_sep": '["\u2028"]',
    "y_string_u+2029_par_sep": '["\u2029"]',
    "y_string_uEscape": '["\\u0061\\u30af\\u30EA\\u30b9"]',
    "y_string_unescaped_char_delete": '["\x7f"]',
    "y_string_unicode": '["\\uA66D"]',
    "y_string_unicode_escaped_double_quote": '["\\u0022"]',
    "y_string_utf8": '["\u20ac\U0001d11e"]',
    "y_string_with_del_character": '["a\x7fa"]',
    "y_structure_lonely_false": "false",
    "y_structure_lonely_int": "42",
    "y_structure_lonely_negative_real": "-0.1",
    "y_structure_lonely_null": "null",
    "y_structure_lonely_string": '"asd"',
    "y_structure_lonely_true": "true",
    "y_structure_string_empty": '""',
    "y_structure_trailing_newline": '["a"]\n',
    "y_structure_true_in_array": "[true]",
    "y_structure_whitespace_array": " [] ",
    # Ours: the lines that were quarantined although valid (issue 11).
    "ours_information_and_string_array": '{"request":{"messages":[{"role":"user","content":'
    '"more information please"}],"stop":["a","b"]}}',
    "ours_info_email_and_codes": '{"requester":"info@example.com","logging_error_codes":["A","B"]}',
    "ours_nan_word_then_object_end": '{"a":"nan","b":{"c":"d"}}',
    "ours_inference_then_array_of_strings": '["inference","Infinity","NaN"]',
    "ours_escaped_quote_before_word": '["say \\"inf\\"", "x"]',
    "ours_backslash_at_string_end": '["c:\\\\", "info"]',
    "ours_mlflow_trace_info": '{"info":{"trace_id":"tr-1","tags":{"a":"b"}},"data":{"spans":[]}}',
}

# JSONTestSuite n_ cases (refused by every RFC 8259 parser), by their file names.
INVALID = {
    "n_array_1_true_without_comma": "[1 true]",
    "n_array_colon_instead_of_comma": '["": 1]',
    "n_array_comma_after_close": '[""],',
    "n_array_comma_and_number": "[,1]",
    "n_array_double_comma": "[1,,2]",
    "n_array_double_extra_comma": '["x",,]',
    "n_array_extra_close": '["x"]]',
    "n_array_extra_comma": '["",]',
    "n_array_incomplete": '["x"',
    "n_array_incomplete_invalid_value": "[x",
    "n_array_inner_array_no_comma": "[3[4]]",
    "n_array_items_separated_by_semicolon": "[1:2]",
    "n_array_just_comma": "[,]",
    "n_array_just_minus": "[-]",
    "n_array_missing_value": '[   , ""]',
    "n_array_newlines_unclosed": '["a",\n4\n,1,',
    "n_array_number_and_comma": "[1,]",
    "n_array_number_and_several_commas": "[1,,]",
    "n_array_spaces_vertical_tab_formfeed": '["\x0ba"\\f]',
    "n_array_star_inside": "[*]",
    "n_array_unclosed": '[""',
    "n_array_unclosed_trailing_comma": "[1,",
    "n_array_unclosed_with_object_inside": "[{}",
    "n_incomplete_false": "[fals]",
    "n_incomplete_null": "[nul]",
    "n_incomplete_true": "[tru]",
    "n_number_++": "[++1234]",
    "n_number_+1": "[+1]",
    "n_number_+Inf": "[+Inf]",
    "n_number_-01": "[-01]",
    "n_number_-1.0.": "[-1.0.]",
    "n_number_-NaN": "[-NaN]",
    "n_number_.-1": "[.-1]",
    "n_number_.2e-3": "[.2e-3]",
    "n_number_0.1.2": "[0.1.2]",
    "n_number_0.3e+": "[0.3e+]",
    "n_number_0.e1": "[0.e1]",
    "n_number_0_capital_E+": "[0E+]",
    "n_number_1.0e+": "[1.0e+]",
    "n_number_1_000": "[1 000.0]",
    "n_number_1eE2": "[1eE2]",
    "n_number_2.e+3": "[2.e+3]",
    "n_number_9.e+": "[9.e+]",
    "n_number_Inf": "[Inf]",
    "n_number_NaN": "[NaN]",
    "n_number_expression": "[1+2]",
    "n_number_hex_1_digit": "[0x1]",
    "n_number_infinity": "[Infinity]",
    "n_number_minus_infinity": "[-Infinity]",
    "n_number_minus_sign_with_trailing_garbage": "[-foo]",
    "n_number_neg_int_starting_with_zero": "[-012]",
    "n_number_neg_real_without_int_part": "[-.123]",
    "n_number_real_without_fractional_part": "[1.]",
    "n_number_starting_with_dot": "[.123]",
    "n_number_with_leading_zero": "[012]",
    "n_object_bad_value": '["x", truth]',
    "n_object_comma_instead_of_colon": '{"x", null}',
    "n_object_double_colon": '{"x"::"b"}',
    "n_object_garbage_at_end": '{"a":"a" 123}',
    "n_object_missing_colon": '{"a" b}',
    "n_object_missing_key": '{:"b"}',
    "n_object_missing_semicolon": '{"a" "b"}',
    "n_object_missing_value": '{"a":',
    "n_object_no-colon": '{"a"',
    "n_object_non_string_key": "{1:1}",
    "n_object_single_quote": "{'a':0}",
    "n_object_trailing_comma": '{"id":0,}',
    "n_object_trailing_comment": '{"a":"b"}/**/',
    "n_object_two_commas_in_a_row": '{"a":"b",,"c":"d"}',
    "n_object_unquoted_key": '{a: "b"}',
    "n_object_with_trailing_garbage": '{"a": true} "x"',
    "n_single_space": " ",
    "n_string_1_surrogate_then_escape": '["\\uD800\\"]',
    "n_string_escape_x": '["\\x00"]',
    "n_string_escaped_emoji": '["\\\U0001f300"]',
    "n_string_incomplete_escape": '["\\"]',
    "n_string_invalid_backslash_esc": '["\\a"]',
    "n_string_single_quote": "['single quote']",
    "n_string_unescaped_newline": '["new\nline"]',
    "n_string_unescaped_tab": '["\t"]',
    "n_string_unescaped_ctrl_char": '["a\x00a"]',
    "n_structure_angle_bracket_.": "<.>",
    "n_structure_array_with_extra_array_close": "[1]]",
    "n_structure_capitalized_True": "[True]",
    "n_structure_close_unopened_array": "1]",
    "n_structure_double_array": "[][]",
    "n_structure_end_array": "]",
    "n_structure_no_data": "",
    "n_structure_object_followed_by_closing_object": "{}}",
    "n_structure_object_with_comment": '{"a":/*comment*/"b"}',
    "n_structure_open_object": "{",
    "n_structure_single_star": "*",
    "n_structure_trailing_#": '{"a":"b"}#{}',
    "n_structure_unclosed_array": "[1",
    "n_structure_UTF8_BOM_no_data": "\ufeff",
    "n_structure_whitespace_formfeed": "[\x0c]",
    # RFC 8259 leaves lone surrogates open; SPEC §1 refuses them.
    "ours_lone_high_surrogate": '["\\ud800"]',
    "ours_lone_low_surrogate": '["\\uDFFF\\u0041"]',
    # Extensions DuckDB's own parser accepts, in every letter case, next to the words.
    "ours_nan_lowercase": '{"a":"info","b":nan}',
    "ours_infinity_mixed_case": '{"a":["x","y"],"b":-iNfInItY}',
    "ours_trailing_comma_after_string": '{"stop":["information",]}',
    "ours_trailing_comma_in_object": '{"a":"inference",}',
    "ours_nan_after_colon_and_space": '{"a": NaN}',
    "ours_infinity_after_colon_and_blanks": '{"a":\n\t-Infinity}',
    "ours_nan_after_bracket_and_space": "[ nan]",
    "ours_inf_after_bracket_and_line_breaks": "[\r\n inf ]",
    "ours_nan_alone_after_blanks": " \tNaN",
    "ours_trailing_comma_after_blanks": "[1 ,\n ]",
    "ours_trailing_comma_before_tab_and_brace": '{"a":1 ,\t}',
}

WORDS = [
    "info", "information", "inference", "nan", "NaN", "inf", "Infinity", "-Infinity",
    "info@example.com", "", " ", "a,]", "x}", '"', "\\", "\u00e9", "\U0001f44d",
]  # fmt: skip
ESCAPES = ['\\"', "\\\\", "\\/", "\\n", "\\u00e9", "\\ud83d\\udc4d", "\\u0000", "\\t"]
BROKEN_ESCAPES = ["\\ud800", "\\x41", "\\", "\\u12"]
BARE_TOKENS = ["NaN", "nan", "Infinity", "-Infinity", "inf", "-inf", "INF", "True", "None"]


def is_rfc8259(text: str) -> bool:
    """True when Python's strict parser accepts `text` and it holds no lone surrogate."""

    def refuse_constant(name: str) -> Any:
        raise ValueError(name)

    try:
        # Objects as lists of pairs: a repeated key must not hide the value it repeats.
        value = json.loads(text, parse_constant=refuse_constant, object_pairs_hook=list)
    except (ValueError, RecursionError):
        return False
    return not _has_lone_surrogate(value)


def _has_lone_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return any(0xD800 <= ord(char) <= 0xDFFF for char in value)
    if isinstance(value, (list, tuple)):
        return any(_has_lone_surrogate(item) for item in value)
    return False


def _string(rng: random.Random) -> str:
    pieces = [rng.choice(WORDS) for _ in range(rng.randint(0, 3))]
    if rng.random() < 0.3:
        pieces.insert(rng.randint(0, len(pieces)), rng.choice(ESCAPES))
    return json.dumps("".join(pieces), ensure_ascii=rng.random() < 0.5)


def _value(rng: random.Random, depth: int) -> str:
    roll = rng.random()
    if depth > 4 or roll < 0.35:
        return _string(rng)
    if roll < 0.45:
        return rng.choice(["0", "-1", "12.5", "1e5", "-0.25E-3", "true", "false", "null"])
    if roll < 0.75:
        items = [_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
        return "[" + rng.choice([",", ", ", " ,\n"]).join(items) + "]"
    members = [f"{_string(rng)}:{_value(rng, depth + 1)}" for _ in range(rng.randint(0, 4))]
    return "{" + rng.choice([",", ", "]).join(members) + "}"


def _break(text: str, rng: random.Random) -> str:
    """One mutation that usually, not always, makes the text invalid."""
    position = rng.randint(0, len(text))
    kind = rng.randrange(7)
    if kind == 0:  # a trailing comma before a closing bracket
        closers = [i for i, char in enumerate(text) if char in "]}"]
        if closers:
            position = rng.choice(closers)
        return text[:position] + "," + text[position:]
    if kind == 1:  # a bare NaN / Infinity where a value may stand
        return text.replace("null", rng.choice(BARE_TOKENS), 1).replace(
            "12.5", rng.choice(BARE_TOKENS), 1
        )
    if kind == 2:  # cut short
        return text[:position]
    if kind == 3:  # a lone surrogate or bad escape inside a string
        quote = text.find('"', position)
        if quote < 0:
            return text + rng.choice(BROKEN_ESCAPES)
        return text[: quote + 1] + rng.choice(BROKEN_ESCAPES) + text[quote + 1 :]
    if kind == 4:  # a raw control character
        return text[:position] + rng.choice(["\x00", "\x1f", "\t", "\n"]) + text[position:]
    if kind == 5:  # something after the value
        return text + rng.choice(["x", "{}", ",", " 1", "]"])
    return text.replace('"', "'", 1)  # single quotes


def generated_texts(count: int, seed: int) -> list[str]:
    """`count` texts, about half valid JSON, mixing the risky words with arrays and nesting."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        text = _value(rng, 0) if rng.random() < 0.3 else "{" + _members(rng) + "}"
        texts.append(_break(text, rng) if rng.random() < 0.5 else text)
    return texts


def _members(rng: random.Random) -> str:
    keys = ["databricks_request_id", "requester", "stop", "logging_error_codes", "info", "nan"]
    members = [f'"{key}":{_value(rng, 1)}' for key in rng.sample(keys, rng.randint(1, 4))]
    return ",".join(members)
