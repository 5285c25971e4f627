using System.Linq.Expressions;
using Gongkai.Domain.Registry;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Registry;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Registry;

/// <summary>
/// Table 二 (2021 layout) from the registry: 第二十条第（一）项 规章 and 行政规范性文件 counted from the catalogue by the
/// [I] rules of <see cref="TableTwoCounting"/>, and 第（五）（六）（八）项 from the imported yearly figures. Each count is
/// a query whose rows are the drill-down, so a number and its list cannot disagree.
/// </summary>
public sealed class RegistryTableTwo(GongkaiDbContext db, TableTwoCounting? counting = null)
{
    private readonly TableTwoCounting _counting = counting ?? TableTwoCounting.Default;

    private const string P = "proactive.";

    public static readonly string[] DocumentKeys =
    [
        P + "art20_1.regulations.issued", P + "art20_1.regulations.repealed", P + "art20_1.regulations.in_force",
        P + "art20_1.normative_docs.issued", P + "art20_1.normative_docs.repealed", P + "art20_1.normative_docs.in_force",
    ];

    public const string LicensingKey = P + "art20_5.licensing.decisions";
    public const string PenaltyKey = P + "art20_6.penalty.decisions";
    public const string CoercionKey = P + "art20_6.coercion.decisions";
    public const string FeesKey = P + "art20_8.admin_fees.amount_wan_yuan";

    /// <summary>Fills the cells the registry knows and returns their keys (empty for the 2019 layout, which counts differently).</summary>
    public async Task<IReadOnlyList<string>> FillAsync(AnnualReport report, string agency, int year, CancellationToken cancellationToken = default)
    {
        if (report.Edition != ReportEdition.Edition2021)
        {
            return [];
        }

        var filled = new List<string>();
        var hasCatalogue = await Documents(agency).AnyAsync(d => d.Category == (int)DocumentCategory.Regulation || d.Category == (int)DocumentCategory.NormativeDocument, cancellationToken);
        if (hasCatalogue)
        {
            foreach (var key in DocumentKeys)
            {
                report.SetProactive(key, CellValue.FromNumber(await Query(agency, year, key)!.CountAsync(cancellationToken)));
                filled.Add(key);
            }
        }

        if (await CountsAsync(agency, year, cancellationToken) is { } counts)
        {
            void Set(string key, decimal? value)
            {
                if (value is { } v)
                {
                    report.SetProactive(key, CellValue.FromNumber(v));
                    filled.Add(key);
                }
            }

            Set(LicensingKey, counts.Licensing);
            Set(PenaltyKey, counts.Penalty);
            Set(CoercionKey, counts.Coercion);
            // The table asks for 万元; four decimals keep the yuan exact to the 元 (the fen rounds away: 0.01 元 = 0.000001 万元).
            if (counts.FeesYuan is { } yuan)
            {
                report.SetProactive(FeesKey, CellValue.Parse((yuan / 10_000m).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)));
                filled.Add(FeesKey);
            }
        }

        return filled;
    }

    /// <summary>The documents a 第二十条第（一）项 cell counts, or null for a key that is not one.</summary>
    public IQueryable<RegistryDocumentRow>? Query(string agency, int year, string key)
    {
        var category = key.Contains(".regulations.", StringComparison.Ordinal) ? DocumentCategory.Regulation
            : key.Contains(".normative_docs.", StringComparison.Ordinal) ? DocumentCategory.NormativeDocument
            : (DocumentCategory?)null;
        if (category is null || !key.StartsWith(P + "art20_1.", StringComparison.Ordinal))
        {
            return null;
        }

        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var docs = Documents(agency).Where(d => d.Category == (int)category);
        var expired = _counting.ExpiredCountsAsRepealed;
        var amendedInForce = _counting.AmendedCountsAsInForce;
        Expression<Func<RegistryDocumentRow, bool>>? filter = key[(key.LastIndexOf('.') + 1)..] switch
        {
            "issued" when _counting.IssuedBy == TableTwoCounting.IssuedDate.Formed => d => d.FormedOn >= start && d.FormedOn <= end,
            "issued" => d => d.PublishedOn >= start && d.PublishedOn <= end,
            "repealed" => d => (d.RepealedOn >= start && d.RepealedOn <= end) || (expired && d.ExpiredOn >= start && d.ExpiredOn <= end),
            "in_force" => d => d.PublishedOn <= end
                && (d.RepealedOn == null || d.RepealedOn > end)
                && (d.ExpiredOn == null || d.ExpiredOn > end)
                && (amendedInForce || d.AmendedOn == null || d.AmendedOn > end),
            _ => null,
        };
        return filter is null ? null : docs.Where(filter);
    }

    /// <summary>The imported figures of a year, for the drill-down of 第（五）（六）（八）项.</summary>
    public Task<DecisionCountsRow?> CountsAsync(string agency, int year, CancellationToken cancellationToken = default) =>
        db.Set<DecisionCountsRow>().AsNoTracking().SingleOrDefaultAsync(c => c.AgencyCode == agency && c.Year == year, cancellationToken);

    /// <summary>Published items of the agency (imports and approved drafts); 依申请公开/不予公开 items are not issued documents of the table.</summary>
    private IQueryable<RegistryDocumentRow> Documents(string agency) =>
        db.Set<RegistryDocumentRow>().AsNoTracking().Where(d => d.AgencyCode == agency && d.PublishedOn != null);
}
