from gipr_desktop.core.schema import CellRef, format_for_year, formats, get_format

SPEC_APPLICATION_ROWS_2021 = [
    "new", "carried_over", "disclosed", "partial",
    "withheld_state_secret", "withheld_law", "withheld_security", "withheld_third_party",
    "withheld_internal", "withheld_process", "withheld_enforcement", "withheld_query",
    "unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear",
    "rejected_petition", "rejected_duplicate", "rejected_publication", "rejected_mass",
    "rejected_confirmation", "other_no_correction", "other_no_fee", "other_misc",
    "handled_total", "carry_forward",
]


def test_both_formats_have_six_sections_and_three_tables():
    assert set(formats()) == {"2021", "2019"}
    for fmt in formats().values():
        assert [s.id for s in fmt.sections] == ["1", "2", "3", "4", "5", "6"]
        assert [t.id for t in fmt.tables] == ["active", "applications", "review_litigation"]


def test_application_rows_are_the_spec_ids_in_order():
    table = get_format("2021").table("applications")
    required = [r.id for r in table.rows if not r.optional]
    assert required == SPEC_APPLICATION_ROWS_2021
    rows_2019 = [r.id for r in get_format("2019").table("applications").rows]
    assert "other" in rows_2019 and "other_misc" not in rows_2019
    assert [c.id for c in table.rows[0].columns] == [
        "natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]


def test_active_table_ids_and_kinds():
    f21, f19 = get_format("2021"), get_format("2019")
    assert f21.column(CellRef("active", "regulations", "in_force")).label == "现行有效件数"
    assert f21.column(CellRef("active", "fees", "amount")).kind == "amount"
    assert f19.column(CellRef("active", "penalty", "change")).kind == "signed"
    assert f19.column(CellRef("active", "central_procurement", "amount")).kind == "amount"
    assert f19.table("active").row("normative_documents").label == "规范性文件"
    assert f21.table("active").row("normative_documents").label == "行政规范性文件"


def test_review_litigation_has_three_groups_of_five():
    table = get_format("2021").table("review_litigation")
    assert [r.id for r in table.rows] == ["review", "direct_suit", "suit_after_review"]
    assert all([c.id for c in r.columns] == ["upheld", "corrected", "other", "pending", "total"] for r in table.rows)
    assert table.cell_name(CellRef("review_litigation", "direct_suit", "total")) == "行政诉讼·未经复议直接起诉·总计"


def test_cell_names_follow_the_printed_table():
    fmt = get_format("2021")
    assert fmt.cell_name(CellRef("applications", "handled_total", "natural_person")) == "（七）总计·自然人"
    assert fmt.cell_name(CellRef("applications", "withheld_law", "total")) == "（三）不予公开·2.其他法律行政法规禁止公开·总计"


def test_format_for_year():
    assert format_for_year(2020) == "2019"
    assert format_for_year(2021) == "2021"
    assert format_for_year(2030) == "2021"


def test_the_review_policy_is_data_of_the_schema():
    from fractions import Fraction

    from gipr_desktop.core.schema import CURRENT_FORMAT, format_policy, formats, review_policy

    policy = review_policy()
    assert (policy.other_handling.rule, policy.other_handling.share, policy.other_handling.minimum) == ("R12", Fraction(3, 10), 5)
    assert (policy.other_misc.rule, policy.other_misc.share, policy.other_misc.minimum) == ("R16", Fraction(1, 10), 5)
    assert [d.who for d in policy.deadlines][-1] == "县级人民政府部门、乡镇、街道"  # the last deadline is everyone else's
    assert policy.people_government.search("淮安市人民政府") and not policy.people_government.search("上海市人民政府办公厅")
    assert CURRENT_FORMAT == "2021"
    for format_id in formats():
        roles = format_policy(format_id)
        assert {roles.summary, roles.problems, roles.fees} <= {s.id for s in formats()[format_id].sections}
    assert (format_policy("2021").summary_limit, format_policy("2019").summary_limit) == (1000, None)
    assert (format_policy("2021").fee_statement, format_policy("2019").fee_statement) == (True, False)
