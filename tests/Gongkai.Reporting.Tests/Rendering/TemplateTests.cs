using Gongkai.Domain.Reports;
using Gongkai.Reporting.Rendering;

namespace Gongkai.Reporting.Tests.Rendering;

/// <summary>
/// The blank template carries every label of ogi-rules.md §4.1–4.4 (2021) and §5 (2019), typed here
/// from the reference independently of <see cref="ReportSchema"/>.
/// </summary>
public sealed class TemplateTests
{
    private static readonly string[] CommonLabels =
    [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
        "信息内容", "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项",
        "规章", "行政许可", "行政处罚", "行政强制", "行政事业性收费",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
        "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果",
        "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（三）不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
        "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
        "（四）无法提供", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
        "（五）不予处理", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理", "（七）总计", "四、结转下年度继续办理",
        "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结",
    ];

    private static readonly string[] Labels2021 =
    [
        "本年制发件数", "本年废止件数", "现行有效件数", "行政规范性文件", "本年处理决定数量", "本年收费金额（单位：万元）",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
        "（文字描述，收取信息处理费情况在此处报告。）",
    ];

    private static readonly string[] Labels2019 =
    [
        "本年新制作数量", "本年新公开数量", "对外公开总数量", "规范性文件", "上一年项目数量", "本年增/减", "处理决定数量",
        "其他对外管理服务事项", "第二十条第（九）项", "采购项目数量", "采购总金额", "政府集中采购", "（文字描述）",
    ];

    [Theory]
    [InlineData(RenderFormat.Markdown)]
    [InlineData(RenderFormat.Html)]
    [InlineData(RenderFormat.Text)]
    public void Template_2021_CarriesEveryLabel(RenderFormat format)
    {
        var text = ReportRenderer.RenderToString(new AnnualReport(ReportEdition.Edition2021), format);

        Assert.All(CommonLabels.Concat(Labels2021), label => Assert.Contains(label, text, StringComparison.Ordinal));
        Assert.DoesNotContain("第二十条第（九）项", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RenderFormat.Markdown)]
    [InlineData(RenderFormat.Html)]
    [InlineData(RenderFormat.Text)]
    public void Template_2019_CarriesEveryLabel(RenderFormat format)
    {
        var text = ReportRenderer.RenderToString(new AnnualReport(ReportEdition.Edition2019), format);

        Assert.All(CommonLabels.Concat(Labels2019), label => Assert.Contains(label, text, StringComparison.Ordinal));
        Assert.DoesNotContain("申请人逾期未按收费通知要求缴纳费用", text, StringComparison.Ordinal);
        Assert.DoesNotContain("收取信息处理费情况在此处报告", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_Docx_CarriesEveryLabel()
    {
        using var stream = new MemoryStream();
        ReportRenderer.Render(new AnnualReport(ReportEdition.Edition2021), RenderFormat.Docx, stream);
        stream.Position = 0;
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        var paragraphs = doc.MainDocumentPart!.Document.Body!
            .Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText)
            .ToHashSet();

        Assert.All(CommonLabels.Concat(Labels2021), label => Assert.Contains(label, paragraphs));
    }

    [Fact]
    public void Template_BlankReport_HasNoNumbers()
    {
        var text = ReportRenderer.RenderToString(new AnnualReport(ReportEdition.Edition2021), RenderFormat.Text);
        var tables = text[text.IndexOf("第二十条第（一）项", StringComparison.Ordinal)..text.IndexOf("五、存在", StringComparison.Ordinal)];

        Assert.DoesNotContain("\t0", tables, StringComparison.Ordinal);
        Assert.Contains("（机关名称）XXXX年政府信息公开工作年度报告", text, StringComparison.Ordinal);
    }
}
