using System.Reflection;

namespace Gongkai.Domain.Diagnostics;

/// <summary>
/// The one catalog of diagnostics. GK1xxx: reading input; GK2xxx: the consistency rules of
/// ogi-rules §4.6 (勾稽关系); GK3xxx: what a supervisor flags; GK4xxx: importing published reports.
/// docs/diagnostics.md lists every entry with an example; a test keeps the two in step.
/// </summary>
public static class DiagnosticCatalog
{
    // ---- GK1xxx: input ----
    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "GK1001", Severity.Error, "File cannot be read", "无法读取文件：{0}");

    public static readonly DiagnosticDescriptor JsonSyntax = new(
        "GK1002", Severity.Error, "Malformed JSON", "JSON 格式错误（第 {0} 行第 {1} 列）：{2}");

    public static readonly DiagnosticDescriptor UnknownEdition = new(
        "GK1003", Severity.Error, "Missing or unknown edition", "格式版本“{0}”无法识别，应为 \"2019\" 或 \"2021\"");

    public static readonly DiagnosticDescriptor UnknownKey = new(
        "GK1004", Severity.Warning, "Unknown cell key", "未知的键“{0}”（{1}），已忽略");

    public static readonly DiagnosticDescriptor WrongValueType = new(
        "GK1005", Severity.Error, "Cell value of the wrong type", "“{0}”的值应为{1}，实际为 {2}");

    public static readonly DiagnosticDescriptor WrongFieldType = new(
        "GK1006", Severity.Error, "Report field of the wrong type", "字段“{0}”应为{1}");

    public static readonly DiagnosticDescriptor InputTooLarge = new(
        "GK1007", Severity.Error, "Input too large", "文件过大（{0}），超过上限 {1}，未读取");

    // ---- GK2xxx: consistency rules (ogi-rules §4.6) ----
    public static readonly DiagnosticDescriptor BalanceMismatch = new(
        "GK2001", Severity.Error, "Table 三 column does not balance (C-01)",
        "表三“{0}”列：本年新收 {1} + 上年结转 {2} = {3}，不等于办理结果总计 {4} + 结转下年度 {5} = {6}", "C-01");

    public static readonly DiagnosticDescriptor OutcomeTotalMismatch = new(
        "GK2002", Severity.Error, "（七）总计 is not the sum of the outcomes (C-02)",
        "表三“{0}”列：各项办理结果之和为 {1}，与（七）总计 {2} 不符", "C-02");

    public static readonly DiagnosticDescriptor RowTotalMismatch = new(
        "GK2003", Severity.Error, "Row 总计 is not the sum of the applicant columns (C-03)",
        "表三“{0}”行：六类申请人之和为 {1}，与总计 {2} 不符", "C-03");

    public static readonly DiagnosticDescriptor OutcomesExceedApplications = new(
        "GK2004", Severity.Error, "More outcomes than applications handled (C-04)",
        "表三“{0}”列：办理结果总计 {1} 超过本年新收与上年结转之和 {2}，可能有申请被重复计入多个办理结果", "C-04");

    public static readonly DiagnosticDescriptor ReviewTotalMismatch = new(
        "GK2005", Severity.Error, "Table 四 group total mismatch (C-05)",
        "表四“{0}”：结果维持、结果纠正、其他结果、尚未审结之和为 {1}，与总计 {2} 不符", "C-05");

    public static readonly DiagnosticDescriptor CarryOverMismatch = new(
        "GK2006", Severity.Error, "Carried over ≠ last year's carried forward (C-06)",
        "表三“{0}”列：上年结转 {1} 与 {2} 年报告的结转下年度继续办理 {3} 不符", "C-06");

    public static readonly DiagnosticDescriptor InForceDrift = new(
        "GK2007", Severity.Warning, "Documents in force do not follow from last year (C-07)",
        "表二“{0}”：上年 {1} + 本年 {2} − 本年 {3} = {4}，与本年报告的 {5} 不符（仅供参考）", "C-07");

    public static readonly DiagnosticDescriptor NegativeCount = new(
        "GK2008", Severity.Error, "Negative count (C-08)", "“{0}”为负数 {1}，件数不能为负", "C-08");

    public static readonly DiagnosticDescriptor CountNotInteger = new(
        "GK2009", Severity.Error, "Count is not a whole number (C-08)", "“{0}”的值 {1} 不是整数，件数应为非负整数", "C-08");

    public static readonly DiagnosticDescriptor NegativeAmount = new(
        "GK2010", Severity.Error, "Negative amount (C-08)", "“{0}”金额为负数 {1}", "C-08");

    // ---- GK3xxx: what a supervisor flags ----
    public static readonly DiagnosticDescriptor EditionDoesNotFitYear = new(
        "GK3001", Severity.Warning, "Edition does not fit the report year",
        "{0} 年度报告应使用{1}格式，本报告使用的是{2}格式", "ogi-rules §1");

    public static readonly DiagnosticDescriptor OverviewTooLong = new(
        "GK3002", Severity.Warning, "一、总体情况 longer than 1,000 characters",
        "一、总体情况共 {0} 字，超过格式要求的原则上不超过 1000 字", "I-02");

    public static readonly DiagnosticDescriptor BlankCells = new(
        "GK3003", Severity.Warning, "Blank cells", "“{0}”有 {1} 个空白单元格（{2}）：空白不等于 0，请填写数字", "C-08");

    public static readonly DiagnosticDescriptor MissingSection = new(
        "GK3004", Severity.Warning, "Missing narrative section", "缺少“{0}”的内容", "条例第五十条");

    public static readonly DiagnosticDescriptor TextInNumericCell = new(
        "GK3005", Severity.Info, "Text in a numeric cell", "“{0}”填写的是文字“{1}”，不是数字，未参与核对");

    public static readonly DiagnosticDescriptor MissingAgency = new(
        "GK3006", Severity.Warning, "Agency not stated", "报告未写明机关名称");

    public static readonly DiagnosticDescriptor MissingYear = new(
        "GK3007", Severity.Warning, "Report year not stated", "报告未写明年度");

    public static readonly DiagnosticDescriptor YearOutOfRange = new(
        "GK3008", Severity.Warning, "Report year outside the revised Regulation",
        "报告年度 {0} 早于 2019 年，修订后的条例和年度报告格式不适用", "ogi-rules §1");

    public static readonly DiagnosticDescriptor FeeNotReported = new(
        "GK3009", Severity.Info, "Fee collection not mentioned in section 六",
        "六、其他需要报告的事项未提及信息处理费收取情况（格式要求在此处报告）", "I-09");

    public static readonly DiagnosticDescriptor PreviousReportMismatch = new(
        "GK3010", Severity.Warning, "Previous report does not precede this one",
        "对比用的上年报告（{0} {1} 年）不是本报告（{2} {3} 年）的上一年度，跨年度核对未进行");

    public static readonly DiagnosticDescriptor RepeatedProblemsText = new(
        "GK3011", Severity.Warning, "Section 五 repeats last year's text",
        "五、存在的主要问题及改进情况与上年报告完全相同（格式要求不得照搬往年内容）", "I-08");

    public static readonly DiagnosticDescriptor HighOtherOutcomes = new(
        "GK3012", Severity.Info, "High share of （六）其他处理",
        "（六）其他处理 {0} 件，占办理结果总数 {1} 件的 {2}%，原则上每件申请都应有法定办理结果", "ogi-rules §5");

    // ---- GK4xxx: importing published reports ----
    public static readonly DiagnosticDescriptor NotAReport = new(
        "GK4001", Severity.Error, "No annual report found in the file",
        "未在文件中找到政府信息公开工作年度报告的章节标题或表格（{0}）");

    public static readonly DiagnosticDescriptor SectionNotFound = new(
        "GK4002", Severity.Warning, "Section heading not found", "未找到章节标题“{0}”");

    public static readonly DiagnosticDescriptor TableNotFound = new(
        "GK4003", Severity.Warning, "Table not found", "未找到表{0}（{1}），其单元格按空白处理");

    public static readonly DiagnosticDescriptor RowNotFound = new(
        "GK4004", Severity.Warning, "Table row not found", "表{0}中未找到“{1}”一行，其单元格按空白处理");

    public static readonly DiagnosticDescriptor RowAlignmentAssumed = new(
        "GK4005", Severity.Warning, "A row whose cells do not line up with the columns",
        "“{0}”一行有 {1} 个单元格，表格应有 {2} 列，单元格与栏目的对应不确定；按{3}读作：{4}");

    public static readonly DiagnosticDescriptor CellInferred = new(
        "GK4006", Severity.Info, "Missing cell inferred from the sum rules",
        "“{0}”一行缺少“{1}”列，按勾稽关系推定为 {2}");

    public static readonly DiagnosticDescriptor DigitsSplit = new(
        "GK4007", Severity.Warning, "Digits of adjacent cells ran together",
        "“{0}”一行的数字连在一起（{1}），按{2}拆分为：{3}（{4}）");

    public static readonly DiagnosticDescriptor UnplacedText = new(
        "GK4008", Severity.Warning, "Table content that could not be placed", "表{0}中的“{1}”无法对应到任何栏目，已忽略");

    public static readonly DiagnosticDescriptor ExtraCells = new(
        "GK4009", Severity.Warning, "More cells than columns", "“{0}”一行有 {1} 个单元格，多于 {2} 列；多出的“{3}”已忽略");

    public static readonly DiagnosticDescriptor MixedEdition = new(
        "GK4010", Severity.Warning, "Tables of different editions",
        "表二按{0}格式填写，表三却是{1}格式的栏目；{2}");

    public static readonly DiagnosticDescriptor EncodingDetected = new(
        "GK4011", Severity.Info, "Text encoding detected", "文件编码识别为 {0}，已转换");

    public static readonly DiagnosticDescriptor TraditionalCharacters = new(
        "GK4012", Severity.Info, "Traditional characters converted", "文件含繁体字（{0} 处），栏目名称已按简体识别");

    public static readonly DiagnosticDescriptor ToolMissing = new(
        "GK4013", Severity.Error, "A needed tool is not installed", "{0}");

    public static readonly DiagnosticDescriptor BadValue = new(
        "GK4015", Severity.Warning, "A cell that is not a count", "“{0}”一行的“{1}”不是件数，按空白处理");

    public static readonly DiagnosticDescriptor NoTotalColumn = new(
        "GK4017", Severity.Info, "Table 三 printed without its 总计 column", "表三没有“总计”列，总计列按空白处理");

    public static readonly DiagnosticDescriptor OldRegulationLayout = new(
        "GK4018", Severity.Error, "A report in the layout of the 2008 regulation",
        "这是按 2008 年施行的旧《政府信息公开条例》格式编写的年度报告（{0}），其统计表与 2019 年起的格式不同，不能按现行格式导入");

    public static readonly DiagnosticDescriptor RowsMatchedByOrder = new(
        "GK4019", Severity.Warning, "Table 三 rows whose counts were printed apart from their labels",
        "表三有 {0} 行的数字与行标签分开印刷（PDF 转换的阅读顺序），已按顺序对应，请核对原文：{1}");

    public static readonly DiagnosticDescriptor CellsUnderHeaders = new(
        "GK4020", Severity.Info, "Cells placed under their column headers (text aligned with spaces)",
        "“{0}”一行有 {1} 个单元格（共 {2} 列，其余空白），按其上方各栏表头的位置读作：{3}");

    public static readonly DiagnosticDescriptor RowsFromReadingOrder = new(
        "GK4021", Severity.Warning, "A table read from its counts in PDF reading order",
        "表{2}的栏目标签与数字分开印刷（PDF 转换的阅读顺序）{1}；按表格的栏目顺序和勾稽关系，{0} 个数字只有一种读法，已按此读取，请核对原文");

    // ---- GK5xxx: rolling reports up (汇总) ----
    public static readonly DiagnosticDescriptor RollupOtherOutcomeMapped = new(
        "GK5001", Severity.Warning, "2019 （六）其他处理 counted under 2021 （六）3.其他",
        "{0} 的报告按 2019 年格式填写，其“（六）其他处理”（{1}）在汇总中计入 2021 年格式的“3.其他”一行", "ogi-rules §5");

    public static readonly DiagnosticDescriptor RollupYearsDiffer = new(
        "GK5002", Severity.Error, "Reports of different years cannot be rolled up",
        "汇总只能针对同一年度：{0} 的报告是 {1} 年度，其他报告是 {2} 年度");

    public static readonly DiagnosticDescriptor RollupYearMissing = new(
        "GK5003", Severity.Error, "A report without a year cannot be rolled up",
        "{0} 的报告未写明年度，无法确定计入哪一年的汇总");

    public static readonly DiagnosticDescriptor RollupProactiveNotComparable = new(
        "GK5004", Severity.Warning, "Table 二 cells that mean different things in the two formats",
        "参与汇总的报告格式不同（2019 年格式 {0} 份，2021 年格式 {1} 份）；表二只汇总两种格式含义相同的 {2} 个单元格，其余 {3} 个单元格留空");

    public static readonly DiagnosticDescriptor RollupTextNotSummed = new(
        "GK5005", Severity.Info, "A text cell left out of the roll-up",
        "{0} 的“{1}”填写的是文字“{2}”，未计入汇总");

    public static readonly DiagnosticDescriptor RollupSameAgencyTwice = new(
        "GK5006", Severity.Error, "The same agency's report given twice",
        "{0} 的 {1} 年度报告出现了 {2} 次，汇总会重复计数");

    public static readonly DiagnosticDescriptor RollupSumTooLarge = new(
        "GK5007", Severity.Warning, "A roll-up figure too large to hold",
        "这一栏的合计 {0} 超出了统计数的上限，汇总表中留空；请查看各机关报告中这一栏的数字（多为录入错误）");

    /// <summary>Every descriptor, ordered by code.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Code, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Finds a descriptor by its code, or null.</summary>
    public static DiagnosticDescriptor? Find(string code) => All.FirstOrDefault(d => d.Code == code);
}
