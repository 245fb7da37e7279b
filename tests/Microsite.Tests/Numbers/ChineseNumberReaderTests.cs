using Microsite.Numbers;

namespace Microsite.Tests.Numbers;

/// <summary>Phrases of the real report, each with the numbers a reader must find in it (those the English must also say).</summary>
public class ChineseNumberReaderTests
{
    internal static string Required(IReadOnlyList<Quantity> found) =>
        string.Join(" | ", found.Where(q => q.Required).Select(QuantityFormat.Describe));

    [Theory]
    [InlineData("解决用工缺口2.3万人，为市场主体减负72.2亿元。", "23,000 | 7.22 billion yuan")]
    [InlineData("预计完成地区生产总值1100亿元左右，增长1.5%左右；", "about 110 billion yuan | about 1.5%")]
    [InlineData("一般公共预算收入145.7亿元，同口径增长0.9%；", "14.57 billion yuan | 0.9%")]
    [InlineData("注册外资10.3亿美元，创建区以来新高。", "1.03 billion US dollars")]
    [InlineData("税收超亿元楼宇达10栋。", "at least 100 million yuan | 10")]
    [InlineData("赴国内外40余个城市招商313批次，累计签约项目280个、签约金额1093亿元", "at least 40 | 313 | 280 | 109.3 billion yuan")]
    [InlineData("累计发放数字人民币补贴超5000万元", "at least 50 million yuan")]
    [InlineData("新落户产业基金40支，总规模达1604亿元。", "40 | 160.4 billion yuan")]
    [InlineData("保障民生支出121.3亿元，同比增长17.7%。", "12.13 billion yuan | 17.7%")]
    [InlineData("城镇居民人均可支配收入预计达7.4万元。", "74,000 yuan")]
    [InlineData("投入帮扶资金5590万元，实施困难群体帮扶项目593个。", "55.9 million yuan | 593")]
    [InlineData("完成进出口总额73亿美元、实际利用外资4亿美元。", "7.3 billion US dollars | 400 million US dollars")]
    [InlineData("新增绿化面积150万平方米，建成口袋公园10个、休闲绿道15公里。", "1.5 million | 10 | 15")]
    [InlineData("智能驾驶公共服务平台完成测试里程超500万公里", "at least 5 million")]
    public void Reads_amounts_with_their_scale_and_currency(string text, string expected) =>
        Assert.Equal(expected, Required(ChineseNumberReader.Read(text)));

    [Theory]
    [InlineData("国防科工局四个分支机构成功揭牌", "4")]
    [InlineData("蝉联全省县域金融生态环境综合评估“五连冠”", "5")]
    [InlineData("综合实力稳居全国百强区前30", "100 | 30")]
    [InlineData("三大产业成为首批市级支持打造的产业创新集群", "3")]
    [InlineData("这是同属于百万相城人时代使命。", "1 million")]
    [InlineData("两大平台部署测试", "2")]
    [InlineData("增量和总量连续两年位居全市第一", "2")]
    [InlineData("高质量完成安全生产“三年大灶”专项整治、重点领域“百日攻坚”等行动，80项三级挂牌重大隐患", "3 | 100 | 80 | 3")]
    [InlineData("启动实施全区“十项重点工作”", "10")]
    [InlineData("学会“十个指头弹钢琴”", "10")]
    [InlineData("省级高新区综评奋力入列全国二十强", "20")]
    [InlineData("建立水稻百亩示范田2个、小麦百亩示范方1个。", "100 | 2 | 100 | 1")]
    [InlineData("严格执行中央八项规定精神", "8")]
    [InlineData("增强“四个意识”、坚定“四个自信”、做到“两个维护”", "4 | 4 | 2")]
    [InlineData("创建首批6个“一刻钟便民生活圈”", "6 | 15")]
    [InlineData("“三区”指城镇空间、农业空间、生态空间三种类型的国土空间；“三线”指三条控制线。", "3 | 3")]
    [InlineData("打造十大产业集群", "10")]
    [InlineData("产值增长两倍", "2")]
    public void Reads_chinese_numerals_before_counters(string text, string expected) =>
        Assert.Equal(expected, Required(ChineseNumberReader.Read(text)));

    [Theory]
    [InlineData("2022年是党的二十大胜利召开之年，是实施“十四五”规划的关键之年", "2022 | 20th | 14th | 5")]
    [InlineData("认真组织“八五”普法教育", "8th | 5")]
    [InlineData("深度参与第29届智能交通世界大会", "29th")]
    [InlineData("开展第七批特色田园乡村试点培育", "7th")]
    [InlineData("创成第四批省书香城市建设示范区", "4th")]
    [InlineData("指中央宣传部、司法部关于开展法治宣传教育的第八个五年规划。", "8th | 5")]
    [InlineData("第一个“百”指划定100万亩；第二个“百”指5年内实现100平方公里工业用地更新。", "1 million | 2nd | at most 5 | 100")]
    [InlineData("增速全市第一", "")]
    [InlineData("第五次全国经济普查", "5th")]
    public void Reads_ordinals_and_plans(string text, string expected) =>
        Assert.Equal(expected, Required(ChineseNumberReader.Read(text)));

    [Theory]
    [InlineData("获评2019—2021年度全省金融生态优秀县", "2019 | 2021")]
    [InlineData("指从2023—2025年，围绕高铁新城建设等23个方面开展的行动计划。", "2023 | 2025 | 23")]
    [InlineData("以400—800米范围为半径", "400 | 800")]
    [InlineData("投资3至5亿元", "300 million yuan | 500 million yuan")]
    [InlineData("增长3%-5%", "3% | 5%")]
    [InlineData("每村3-5人", "3 | 5")]
    [InlineData("2023年1月3日在区五届人大二次会议上", "2023 | 3 January | 5 | 2")]
    [InlineData("1月3日", "3 January")]
    [InlineData("比上年提高0.5个百分点", "0.5 percentage points")]
    [InlineData("占比达到百分之五十", "50%")]
    [InlineData("总投资1,100亿元", "110 billion yuan")]
    public void Reads_ranges_dates_and_percentages(string text, string expected) =>
        Assert.Equal(expected, Required(ChineseNumberReader.Read(text)));

    [Theory]
    [InlineData("PM2.5浓度不高于29微克/立方米，优良天数比率不低于82%", "at most 29 | at least 82%")]
    [InlineData("开工建设能源站3座以上", "at least 3")]
    [InlineData("力争落地投资超50亿元项目2个以上、超100亿元项目“零突破”", "at least 5 billion yuan | at least 2 | at least 10 billion yuan")]
    [InlineData("本地户籍高校毕业生就业率保持95%以上", "at least 95%")]
    [InlineData("2万多名干部冲锋在前", "at least 20,000")]
    [InlineData("发放退役军人优待卡超万张。", "at least 10,000")]
    [InlineData("服务半径为步行15分钟左右的范围内", "about 15")]
    [InlineData("开展为期100天左右的安全生产排查整治行动", "about 100")]
    [InlineData("年销售额超10亿元企业突破10家", "at least 1 billion yuan | at least 10")]
    [InlineData("约3万人参加", "about 30,000")]
    public void Reads_approximations(string text, string expected) =>
        Assert.Equal(expected, Required(ChineseNumberReader.Read(text)));

    [Theory]
    [InlineData("轨交10号线（苏虞张线）和2、4、7号线延伸线启动建设", "no. 10 | no. 2 | no. 4 | no. 7")]
    [InlineData("切实保障轨交10号线（苏虞张线）和7、8号线建设", "no. 10 | no. 7 | no. 8")]
    public void Reads_numbers_that_name_things_as_names(string text, string expected) =>
        Assert.Equal(expected, Required(ChineseNumberReader.Read(text)));

    [Theory]
    [InlineData("PM2.5平均浓度全部达标")]
    [InlineData("启动实施集疏运快速联络通道、G524相城区段改造")]
    [InlineData("春申西塘景区争创国家4A级旅游景区")]
    [InlineData("（一）坚持规划引领")]
    [InlineData("(2)坚持规划引领")]
    [InlineData("一是稳增长，二是促改革，三是惠民生。")]
    [InlineData("推动一体化发展，建设一流开发区，统一思想，万物互联。")]
    [InlineData("千方百计稳就业，走进千家万户")]
    [InlineData("打造一批示范项目，新一届政府")]
    [InlineData("驰而不息纠“四风”，持续压减“三公”经费")]
    [InlineData("国省考断面水质优Ⅲ比例")]
    [InlineData("春申湖路、缤纷汇体育公园、双中心")]
    [InlineData("通过ISO9001和ISO 14001认证")]
    public void Reads_no_number_where_there_is_none(string text) =>
        Assert.Equal("", Required(ChineseNumberReader.Read(text)));

    [Theory]
    [InlineData("驰而不息纠“四风”", 4)]
    [InlineData("加快共建双向离岸创新创业中心", 2)]
    [InlineData("“三区三线”划定获批", 3)]
    [InlineData("深挖“相城十绝”", 10)]
    public void Reads_numerals_without_a_counter_as_tentative(string text, int value)
    {
        var found = ChineseNumberReader.Read(text);
        Assert.Contains(found, q => q.Tentative && q.Value == value);
        Assert.DoesNotContain(found, q => q.Required);
    }

    [Theory]
    [InlineData("二十三", 23)]
    [InlineData("十四", 14)]
    [InlineData("两", 2)]
    [InlineData("百万", 1_000_000)]
    [InlineData("一百零五", 105)]
    [InlineData("三亿五千万", 350_000_000)]
    [InlineData("千亿", 100_000_000_000)]
    public void Parses_chinese_numerals(string numeral, long value) =>
        Assert.Equal(value, ChineseNumberReader.ParseNumeral(numeral));

    [Theory]
    [InlineData("八五")]
    [InlineData("十四五")]
    [InlineData("一百五")]
    [InlineData("百千")]
    public void Rejects_numerals_that_are_not_one_number(string numeral) =>
        Assert.Null(ChineseNumberReader.ParseNumeral(numeral));

    [Fact]
    public void Gives_each_number_its_place_in_the_text()
    {
        var text = "一般公共预算收入145.7亿元，同口径增长0.9%；";
        var found = ChineseNumberReader.Read(text).Where(q => q.Required).ToList();
        Assert.Equal("145.7亿元", text.Substring(found[0].Start, found[0].Length));
        Assert.Equal("0.9%", found[1].Text);
    }

    [Fact]
    public void Reads_huge_digit_runs_without_failing()
    {
        Assert.DoesNotContain(ChineseNumberReader.Read("账号12345678901234567890123"), q => q.Required);
        Assert.Contains(ChineseNumberReader.Read("99999999999999亿亿亿元"), q => q.Required && q.Value == 9_999_999_999_999_900_000_000m);
    }
}
