namespace Gongkai.Domain.Deadlines;

/// <summary>Names and the receipt-date rule of each channel (条例第三十一条).</summary>
public static class ReceiptChannels
{
    public static string Code(this ReceiptChannel channel) => channel switch
    {
        ReceiptChannel.InPerson => "in-person",
        ReceiptChannel.RegisteredPost => "registered-post",
        ReceiptChannel.OrdinaryPost => "ordinary-post",
        ReceiptChannel.Online => "online",
        ReceiptChannel.Fax => "fax",
    };

    public static string Label(this ReceiptChannel channel) => channel switch
    {
        ReceiptChannel.InPerson => "当面提交",
        ReceiptChannel.RegisteredPost => "邮寄（需签收）",
        ReceiptChannel.OrdinaryPost => "平常信函",
        ReceiptChannel.Online => "互联网渠道",
        ReceiptChannel.Fax => "传真",
    };

    /// <summary>Which day counts as the day the application was received.</summary>
    public static string ReceiptRule(this ReceiptChannel channel) => channel switch
    {
        ReceiptChannel.InPerson => "当面提交的，以提交之日为收到申请之日（条例第三十一条第一项）",
        ReceiptChannel.RegisteredPost => "以邮寄方式提交的，以行政机关签收之日为收到申请之日（条例第三十一条第二项）",
        ReceiptChannel.OrdinaryPost => "以平常信函等无需签收的邮寄方式提交的，以政府信息公开工作机构于收到申请的当日与申请人确认之日为收到申请之日（条例第三十一条第二项）",
        ReceiptChannel.Online => "通过互联网渠道提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）",
        ReceiptChannel.Fax => "通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）",
    };

    public static bool TryParse(string? code, out ReceiptChannel channel)
    {
        foreach (var c in Enum.GetValues<ReceiptChannel>())
        {
            if (c.Code() == code)
            {
                channel = c;
                return true;
            }
        }

        channel = default;
        return false;
    }
}
