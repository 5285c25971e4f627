namespace Gongkai.Testing;

/// <summary>
/// Holiday files for calendar-upload tests. The 2027 rows are made up for the tests (shaped like a State Council
/// notice: the seven statutory holidays, make-up working days on weekends); they are not the real 2027 notice.
/// </summary>
public static class CalendarFiles
{
    public const string Year2027 = """
        date,kind,name
        2027-01-01,holiday,元旦
        2027-01-02,holiday,元旦
        2027-01-03,holiday,元旦
        2027-02-05,holiday,春节
        2027-02-06,holiday,春节
        2027-02-07,holiday,春节
        2027-02-08,holiday,春节
        2027-02-09,holiday,春节
        2027-02-10,holiday,春节
        2027-02-11,holiday,春节
        2027-02-12,holiday,春节
        2027-02-13,holiday,春节
        2027-02-20,workday,春节
        2027-04-03,holiday,清明节
        2027-04-04,holiday,清明节
        2027-04-05,holiday,清明节
        2027-04-25,workday,劳动节
        2027-05-01,holiday,劳动节
        2027-05-02,holiday,劳动节
        2027-05-03,holiday,劳动节
        2027-05-04,holiday,劳动节
        2027-05-05,holiday,劳动节
        2027-06-09,holiday,端午节
        2027-06-10,holiday,端午节
        2027-06-11,holiday,端午节
        2027-09-15,holiday,中秋节
        2027-09-16,holiday,中秋节
        2027-09-17,holiday,中秋节
        2027-09-26,workday,国庆节
        2027-10-01,holiday,国庆节
        2027-10-02,holiday,国庆节
        2027-10-03,holiday,国庆节
        2027-10-04,holiday,国庆节
        2027-10-05,holiday,国庆节
        2027-10-06,holiday,国庆节
        2027-10-07,holiday,国庆节
        2027-10-09,workday,国庆节
        """;

    /// <summary>The 2027 file with the year moved to 2028 (weekdays differ, so make-up days may clash): for the gap test.</summary>
    public static string Year2027As(int year) => Year2027.Replace("2027-", year + "-", StringComparison.Ordinal);
}
