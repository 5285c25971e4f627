using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Reporting.Parsing.Text;

/// <summary>
/// Normalisation of the text found in published reports: full-width ASCII (digits, letters, brackets)
/// to half-width, Traditional characters from sites' automatic conversion (繁體) to Simplified, the
/// variant 其它 to 其他, and white space inside titles removed ("青 铜 峡 市").
/// </summary>
public static partial class ChineseText
{
    // Traditional → Simplified for the characters that occur in the report's headings, labels and
    // title lines. Not a general converter: narrative text is kept as published.
    private const string Traditional =
        "與開資訊請數結轉繼續辦處總計機關現製國規範護權內務類過執詢項確認復議訴訟維糾審況會組織構業題報費條華門區縣廳廣東實際發佈廢證許罰強預產決採購額萬單並應當對於個據為這從無舉訪複獲僅種係們進動態網臺體統學術醫療環衛電話傳郵編號輯質標準經濟歲間時長負責聯絡層級鄉鎮鄰衆眾災貧補償規劃財稅務協調導領書記錄檔轄屬劃義務參選優惠療養險營運輸車橋閘澤濱壩灣島嶼們這說讓該認識議論紀綱彙匯齊夠價錢銀鐵鋼錄戶啟兩嚴圍處備節從價廳溝條際築測護盡絕絲紅縮縱總線練組細終給統經緊結紛絡綜維網羅義習聖聽職肅腦興舊莊蘇藝號衛術裝複見規視覺親觀計訂討記設許訴診詞試詳誠誤說請諸讀課調談論諮謀謂識證譯議護讓變貞負財責貢貨販貫貴費賀資賈賓賢賣賦質賬購賽贊趙趨跡踐躍車軌軍軟載輕輛輔輝輪輸轉辦農迴運過達違遠適選遲遷還邊鄉鄭醫釋針鈴鉛銷鋪錯鍵鎮長門閉開閒間閱闊隊階際陳陸陽隨險隱雙雜雞離難雲電須頁頂項順預領頭頻題額願類顧風飛飯養餘館馬駐驗體髮鬥魚鳥鹽麥黃點齊齡龍斷撫烏閻漢劉張楊吳孫鄧蕭謝韓馮葉蔣盧湯賴龔顏婁鍾鐘臨遼寧陝贛閩滬魯晉瓊慶藥監糧園僑殘婦團黨檢勞愛廠礦氣樓廈圖歷獎懲後裡來問員億幹擔獨歸創績評獻戰極則覽頒徵幫將";

    private const string Simplified =
        "与开资讯请数结转继续办处总计机关现制国规范护权内务类过执询项确认复议诉讼维纠审况会组织构业题报费条华门区县厅广东实际发布废证许罚强预产决采购额万单并应当对于个据为这从无举访复获仅种系们进动态网台体统学术医疗环卫电话传邮编号辑质标准经济岁间时长负责联络层级乡镇邻众众灾贫补偿规划财税务协调导领书记录档辖属划义务参选优惠疗养险营运输车桥闸泽滨坝湾岛屿们这说让该认识议论纪纲汇汇齐够价钱银铁钢录户启两严围处备节从价厅沟条际筑测护尽绝丝红缩纵总线练组细终给统经紧结纷络综维网罗义习圣听职肃脑兴旧庄苏艺号卫术装复见规视觉亲观计订讨记设许诉诊词试详诚误说请诸读课调谈论咨谋谓识证译议护让变贞负财责贡货贩贯贵费贺资贾宾贤卖赋质账购赛赞赵趋迹践跃车轨军软载轻辆辅辉轮输转办农回运过达违远适选迟迁还边乡郑医释针铃铅销铺错键镇长门闭开闲间阅阔队阶际陈陆阳随险隐双杂鸡离难云电须页顶项顺预领头频题额愿类顾风飞饭养余馆马驻验体发斗鱼鸟盐麦黄点齐龄龙断抚乌阎汉刘张杨吴孙邓萧谢韩冯叶蒋卢汤赖龚颜娄钟钟临辽宁陕赣闽沪鲁晋琼庆药监粮园侨残妇团党检劳爱厂矿气楼厦图历奖惩后里来问员亿干担独归创绩评献战极则览颁征帮将";

    // One entry per UTF-16 code unit: 0 = unchanged. A flat table keeps folding at memory speed.
    private static readonly char[] ToSimplified = BuildMap();

    private static char[] BuildMap()
    {
        if (Traditional.Length != Simplified.Length)
        {
            throw new InvalidOperationException("Traditional/Simplified tables differ in length.");
        }

        var map = new char[char.MaxValue + 1];
        for (var i = 0; i < Traditional.Length; i++)
        {
            if (map[Traditional[i]] == 0 && Traditional[i] != Simplified[i])
            {
                map[Traditional[i]] = Simplified[i];
            }
        }

        return map;
    }

    /// <summary>Whether the text contains characters this table converts (a page auto-converted to 繁體).</summary>
    public static int CountTraditional(string text)
    {
        var count = 0;
        foreach (var ch in text)
        {
            if (ToSimplified[ch] != 0)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Width and script normalisation that keeps the text's length and positions: full-width ASCII to
    /// half-width, ideographic space to space, Traditional to Simplified.
    /// </summary>
    public static string Fold(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (FoldChar(text[i]) != text[i])
            {
                // Copied only from the first character that changes; most labels and cells change none.
                return string.Create(text.Length, (text, i), static (span, state) =>
                {
                    state.text.AsSpan(0, state.i).CopyTo(span);
                    for (var k = state.i; k < span.Length; k++)
                    {
                        span[k] = FoldChar(state.text[k]);
                    }
                });
            }
        }

        return text;
    }

    /// <summary>One character as <see cref="Fold"/> writes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char FoldChar(char ch) => ch < '\u00A0' ? ch : ch switch
    {
        >= '\uFF01' and <= '\uFF5E' and not '（' and not '）' and not '：' and not '，' and not '；' => (char)(ch - 0xFEE0),
        '\u3000' or '\u00A0' => ' ',
        _ => ToSimplified[ch] != 0 ? ToSimplified[ch] : ch,
    };

    /// <summary>
    /// The Chinese punctuation a report is printed with, where a page, a converter or a crawler wrote the half-width
    /// form (Unicode NFKC normalisation does it to a whole page): ( ) ; → （ ）；, and , : → ，： except between two
    /// digits (a thousands separator, a time). Keeps the text's length and positions; every label, heading and unit
    /// ("（元）", "（区分处理的，只计这一情形，不计其他情形）") is then matched in the form the format prints.
    /// </summary>
    public static string FullWidthPunctuation(string text)
    {
        if (text.AsSpan().IndexOfAny("(),:;") < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var between = i > 0 && i + 1 < chars.Length && char.IsAsciiDigit(chars[i - 1]) && char.IsAsciiDigit(chars[i + 1]);
            chars[i] = chars[i] switch
            {
                '(' => '（',
                ')' => '）',
                ';' => '；',
                ',' when !between => '，',
                ':' when !between && !(i > 0 && char.IsAsciiLetter(chars[i - 1])) => '：',
                var ch => ch,
            };
        }

        return new string(chars);
    }

    /// <summary>
    /// The comparison key of a label: folded, without white space, with brackets, quotes and list
    /// punctuation unified, 其它 → 其他. Two spellings of the same official label get the same key.
    /// </summary>
    public static string LabelKey(string text)
    {
        // One pass over the text, folding each character as Fold does, into a buffer of the text's length (the key is
        // never longer); then 其它 → 其他 in place (same length). Called for every label, line and token many times.
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var raw in text)
        {
            var ch = FoldChar(raw);
            switch (ch)
            {
                case var _ when char.IsWhiteSpace(ch):
                case '“' or '”' or '"' or '\'' or '‘' or '’' or '*' or '#' or '|':
                    break;
                case '（': buffer[n++] = '('; break;
                case '）': buffer[n++] = ')'; break;
                case '，' or '、': buffer[n++] = ','; break;
                case '：' or ';' or '；': buffer[n++] = ':'; break;
                case '。': break;
                default: buffer[n++] = ch; break;
            }
        }

        var key = buffer[..n];
        for (var i = 0; i + 1 < key.Length; i++)
        {
            if (key[i] == '其' && key[i + 1] == '它')
            {
                key[i + 1] = '他';
            }
        }

        return key.Length == text.Length && key.SequenceEqual(text) ? text : new string(key);
    }

    /// <summary>A name without the spaces typesetters put between its characters ("青 铜 峡 市").</summary>
    public static string Compact(string text) =>
        string.Concat(Fold(text).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>
    /// The text without the pinyin some mirror sites put after characters (規(guī)章, 二酉苗族鄉(xiāng)人民政府): a
    /// parenthesised syllable of Latin letters with a tone mark, right after a Chinese character.
    /// </summary>
    public static string WithoutPinyinGlosses(string text) =>
        text.Contains('(', StringComparison.Ordinal) || text.Contains('（', StringComparison.Ordinal) ? PinyinGlossRegex().Replace(text, string.Empty) : text;

    [GeneratedRegex(@"(?<=[\u4e00-\u9fff])[(（](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")]
    private static partial Regex PinyinGlossRegex();
}
