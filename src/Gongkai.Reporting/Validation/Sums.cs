namespace Gongkai.Reporting.Validation;

/// <summary>
/// Arithmetic over cells that may be blank. A blank addend counts as 0 in a sum check (the blank
/// itself is flagged by <see cref="BlankCellsRule"/>); a check whose every operand is blank is skipped.
/// </summary>
internal static class Sums
{
    public static (long Sum, bool AnyValue) Of(IEnumerable<int?> values)
    {
        long sum = 0;
        var any = false;
        foreach (var v in values)
        {
            if (v is { } x)
            {
                sum += x;
                any = true;
            }
        }

        return (sum, any);
    }

    public static string Show(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "空白";
}
