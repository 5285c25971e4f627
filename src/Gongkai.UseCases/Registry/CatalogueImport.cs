using System.Globalization;
using System.Text.Json;
using Gongkai.Domain.Registry;
using Gongkai.Persistence;
using Gongkai.Persistence.Registry;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Registry;

/// <summary>
/// Imports a catalogue exported from an existing site (CSV or XLSX). The header must hold
/// <c>索引号,信息名称,文号,类别,成文日期,发布日期,废止日期</c>; 主题分类, 发布机构, 有效性, 失效日期, 登记号, 正文 are read when
/// present, and any other column is kept with the item. Every row is checked; good rows are stored as published
/// 主动公开 items (they are already on the site), refused rows are reported with their line and reason.
/// </summary>
public sealed class CatalogueImport(GongkaiDbContext db, TimeProvider time, AuditLog audit)
{
    public static readonly string[] RequiredColumns = ["索引号", "信息名称", "文号", "类别", "成文日期", "发布日期", "废止日期"];

    private static readonly string[] KnownColumns = [.. RequiredColumns, "主题分类", "发布机构", "有效性", "失效日期", "登记号", "正文"];

    public sealed record Imported(int Line, string IndexNumber, string Title);

    public sealed record Refused(int Line, string Reason);

    /// <summary>What an import did; <see cref="Problem"/> set means the file could not be read at all (nothing imported).</summary>
    public sealed record Report(IReadOnlyList<Imported> ImportedRows, IReadOnlyList<Refused> RefusedRows, string? Problem)
    {
        public static Report Unreadable(string problem) => new([], [], problem);
    }

    public async Task<Report> RunAsync(Stream content, string fileName, string agency, string actor, CancellationToken cancellationToken = default)
    {
        var agencyRow = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == agency, cancellationToken);
        if (agencyRow is null)
        {
            return Report.Unreadable($"找不到机关“{agency}”");
        }

        var (file, problem) = TabularFile.Read(content, fileName);
        if (file is null)
        {
            return Report.Unreadable(problem!);
        }

        var missing = RequiredColumns.Where(c => !file.Header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return Report.Unreadable($"表头缺少列：{string.Join("、", missing)}（须含 {string.Join(",", RequiredColumns)}）");
        }

        // Each column's index looked up once (TabularFile refuses a header naming a column twice): the list copied and searched
        // per cell read made a wide file cost rows × columns (an 827 KB CSV took 71 s).
        var columns = file.Header.Select((h, i) => (h, i)).Where(x => x.h.Length > 0).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
        int Col(string name) => columns.GetValueOrDefault(name, -1);
        var extraColumns = file.Header.Select((h, i) => (h, i)).Where(x => x.h.Length > 0 && !KnownColumns.Contains(x.h)).ToList();
        var imported = new List<Imported>();
        var refused = new List<Refused>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcTicks;
        var author = "导入：" + actor;
        foreach (var chunk in file.Rows.Chunk(1000))
        {
            var numbers = chunk.Select(r => r.Get(Col("索引号"))).Where(n => n.Length > 0).Distinct().ToList();
            var existing = (await db.Set<RegistryDocumentRow>().AsNoTracking().Where(d => numbers.Contains(d.IndexNumber)).Select(d => d.IndexNumber).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            var batch = new List<(TabularRow Row, RegistryDocumentRow Doc)>();
            foreach (var row in chunk)
            {
                var (doc, reason) = Check(row, Col, agencyRow.Name);
                if (doc is not null && existing.Contains(doc.IndexNumber))
                {
                    reason = $"索引号“{doc.IndexNumber}”已在目录中";
                }
                else if (doc is not null && seen.TryGetValue(doc.IndexNumber, out var first))
                {
                    reason = $"索引号“{doc.IndexNumber}”与第 {first} 行重复";
                }

                if (reason is not null)
                {
                    refused.Add(new Refused(row.Line, reason));
                    continue;
                }

                seen[doc!.IndexNumber] = row.Line;
                doc.AgencyCode = agency;
                doc.Author = author;
                doc.CreatedAtUtcTicks = now;
                if (extraColumns.Count > 0)
                {
                    var extra = extraColumns.Where(c => row.Get(c.i).Length > 0).ToDictionary(c => c.h, c => row.Get(c.i));
                    doc.ExtraJson = extra.Count == 0 ? null : JsonSerializer.Serialize(extra, JsonOptions);
                }

                batch.Add((row, doc));
            }

            await InsertAsync(batch.Select(b => b.Doc).ToList(), cancellationToken);
            imported.AddRange(batch.Select(b => new Imported(b.Row.Line, b.Doc.IndexNumber, b.Doc.Title)));
        }

        await audit.RecordAsync(actor, agency, "registry.import", fileName, $"导入目录：{imported.Count} 条导入，{refused.Count} 条拒绝", cancellationToken);
        return new Report(imported, refused, null);
    }

    private static readonly string[] Columns =
    [
        "agency_code", "index_number", "index_scheme", "title", "publisher", "document_number", "registration_number", "topic", "category",
        "formed_on", "published_on", "validity", "repealed_on", "expired_on", "disclosure_mode", "body", "state", "author", "extra_json",
        "created_at_utc_ticks", "version",
    ];

    /// <summary>
    /// One prepared INSERT reused for every row, in one transaction per batch: EF's change tracking (and a statement
    /// with thousands of named parameters, whose binding is quadratic) cost more than the database for 10^5 rows (a
    /// 100,000-row catalogue is the benchmark). Same SQL on both providers; the columns are those of
    /// <see cref="RegistryDocumentRow"/>'s configuration, and the schema test keeps them in step. A batch runs inside
    /// the execution strategy (on PostgreSQL: retry on a transient failure): its transaction either committed or rolled
    /// back as a whole, so running it again cannot insert a row twice.
    /// </summary>
    private Task InsertAsync(List<RegistryDocumentRow> rows, CancellationToken cancellationToken) =>
        rows.Count == 0 ? Task.CompletedTask : db.Database.CreateExecutionStrategy().ExecuteAsync(() => InsertOnceAsync(rows, cancellationToken));

    private async Task InsertOnceAsync(List<RegistryDocumentRow> rows, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO registry_documents (" + string.Join(", ", Columns) + ") VALUES ("
                + string.Join(", ", Columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture))) + ")";
            var parameters = Columns.Select((_, i) =>
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            foreach (var d in rows)
            {
                object?[] values =
                [
                    d.AgencyCode, d.IndexNumber, d.IndexScheme, d.Title, d.Publisher, d.DocumentNumber, d.RegistrationNumber, d.Topic, d.Category,
                    d.FormedOn, d.PublishedOn, d.Validity, d.RepealedOn, d.ExpiredOn, d.DisclosureMode, d.Body, d.State, d.Author, d.ExtraJson,
                    d.CreatedAtUtcTicks, d.Version,
                ];
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i] ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static (RegistryDocumentRow? Doc, string? Reason) Check(TabularRow row, Func<string, int> col, string agencyName)
    {
        string Get(string name) => col(name) is var i and >= 0 ? row.Get(i) : string.Empty;
        var problems = new List<string>();
        var number = Get("索引号");
        if (IndexNumberScheme.Problem(number) is { } p)
        {
            problems.Add(p);
        }

        var title = Get("信息名称");
        if (title.Length == 0)
        {
            problems.Add("信息名称为空");
        }
        else if (title.Length > 500)
        {
            problems.Add("信息名称超过 500 个字符");
        }

        var category = DocumentCategory.Other;
        var categoryText = Get("类别");
        if (categoryText.Length > 0 && !DocumentCategories.TryParse(categoryText, out category) && categoryText.Replace("其它", "其他", StringComparison.Ordinal) != "其他")
        {
            problems.Add($"类别“{categoryText}”无法识别（应为{string.Join("、", DocumentCategories.All.Select(c => c.Label()))}之一）");
        }

        var (formed, formedProblem) = RegistryDates.Parse(Get("成文日期"));
        if (formedProblem is not null)
        {
            problems.Add("成文日期：" + formedProblem);
        }
        else if (formed is null)
        {
            problems.Add("成文日期为空");
        }

        var (published, publishedProblem) = RegistryDates.Parse(Get("发布日期"));
        if (publishedProblem is not null)
        {
            problems.Add("发布日期：" + publishedProblem);
        }
        else if (published is null)
        {
            problems.Add("发布日期为空（导入的是已公开的目录）");
        }

        var (repealed, repealedProblem) = RegistryDates.Parse(Get("废止日期"));
        if (repealedProblem is not null)
        {
            problems.Add("废止日期：" + repealedProblem);
        }

        var (expired, expiredProblem) = RegistryDates.Parse(Get("失效日期"));
        if (expiredProblem is not null)
        {
            problems.Add("失效日期：" + expiredProblem);
        }

        var validityText = Get("有效性");
        if (!Validities.TryParse(validityText, out var validity))
        {
            problems.Add($"有效性“{validityText}”无法识别（应为有效、已修改、废止或失效）");
        }

        if (formed is { } f && published is { } pub && pub < f)
        {
            problems.Add("发布日期早于成文日期");
        }

        if (repealed is { } r && published is { } pub2 && r < pub2)
        {
            problems.Add("废止日期早于发布日期");
        }

        // 有效性 and the dates must agree: 废止 without a date cannot be counted in table 二.
        if (validityText.Length == 0)
        {
            validity = repealed is not null ? Validity.Repealed : expired is not null ? Validity.Expired : Validity.InForce;
        }
        else if (validity == Validity.Repealed && repealed is null)
        {
            problems.Add("有效性为“废止”但没有废止日期");
        }
        else if (validity == Validity.Expired && expired is null && repealed is null)
        {
            problems.Add("有效性为“失效”但没有失效日期");
        }
        else if (validity == Validity.InForce && (repealed is not null || expired is not null))
        {
            problems.Add("有效性为“有效”却填了废止或失效日期");
        }

        if (problems.Count > 0)
        {
            return (null, string.Join("；", problems));
        }

        if (validity == Validity.Expired && expired is null)
        {
            (expired, repealed) = (repealed, null);
        }

        return (new RegistryDocumentRow
        {
            IndexNumber = number,
            IndexScheme = "imported",
            Title = title,
            Publisher = Get("发布机构") is { Length: > 0 } publisher ? publisher : agencyName,
            DocumentNumber = Blank(Get("文号")),
            RegistrationNumber = Blank(Get("登记号")),
            Topic = Blank(Get("主题分类")),
            Category = (int)category,
            FormedOn = formed!.Value,
            PublishedOn = published,
            Validity = (int)validity,
            RepealedOn = repealed,
            ExpiredOn = expired,
            DisclosureMode = (int)DisclosureMode.Proactive,
            Body = Get("正文"),
            State = (int)ReviewState.Published,
            Version = 1,
        }, null);
    }

    private static string? Blank(string s) => s.Length == 0 ? null : s;

    /// <summary>The lines a command prints: each imported and refused row, then the totals.</summary>
    public static IEnumerable<string> Lines(Report report)
    {
        foreach (var i in report.ImportedRows)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"第 {i.Line} 行：已导入 {i.IndexNumber} {i.Title}");
        }

        foreach (var r in report.RefusedRows)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"第 {r.Line} 行：拒绝，{r.Reason}");
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"共导入 {report.ImportedRows.Count} 条，拒绝 {report.RefusedRows.Count} 条。");
    }
}
