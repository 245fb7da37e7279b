using Microsite.Numbers;

namespace Microsite.Tests.Numbers;

/// <summary>Phrases of the real English text, each with the numbers a reader must find in it.</summary>
public class EnglishNumberReaderTests
{
    private static string Read(string text) => ChineseNumberReaderTests.Required(EnglishNumberReader.Read(text));

    [Theory]
    [InlineData("filling labour shortages of 23,000 people and reducing the burden on market entities by 7.22 billion yuan", "23,000 | 7.22 billion yuan")]
    [InlineData("Gross regional product is expected to reach about 110 billion yuan, up about 1.5%;", "about 110 billion yuan | about 1.5%")]
    [InlineData("general public budget revenue, 14.57 billion yuan, up 0.9% on a comparable basis", "14.57 billion yuan | 0.9%")]
    [InlineData("registered foreign capital, 1.03 billion US dollars, the highest since", "1.03 billion US dollars")]
    [InlineData("The number of buildings each generating more than 100 million yuan in tax revenue reached 10.", "at least 100 million yuan | 10")]
    [InlineData("We made 313 investment promotion visits to more than 40 cities", "313 | at least 40")]
    [InlineData("issued a total of more than 50 million yuan of digital RMB subsidies", "at least 50 million yuan")]
    [InlineData("1.5 million square metres of new green space were added, and 10 pocket parks and 15 kilometres of leisure greenways were built.", "1.5 million | 10 | 15")]
    [InlineData("the per capita disposable income of urban residents is expected to reach 74,000 yuan", "74,000 yuan")]
    [InlineData("total imports and exports of 7.3 billion US dollars and paid-in foreign investment of 400 million US dollars", "7.3 billion US dollars | 400 million US dollars")]
    [InlineData("completed more than 5 million kilometres of testing", "at least 5 million")]
    [InlineData("an investment of RMB 2 billion and US$3 million", "2 billion yuan | 3 million US dollars")]
    public void Reads_amounts_with_their_scale_and_currency(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("four branch institutions of the State Administration", "4")]
    [InlineData("for the fifth consecutive time", "5th")]
    [InlineData("remained firmly within the top 30 of the country's top 100 districts", "30 | 100")]
    [InlineData("the three major industries became among the first industrial innovation clusters", "3")]
    [InlineData("this is the mission of the times shared by the one million people of Xiangcheng", "1 million")]
    [InlineData("Two major platforms, the central bank's crypto-asset big data monitoring platform", "2")]
    [InlineData("the “Three-Year Overhaul” special rectification of work safety and the 100-Day Campaign", "3 | 100")]
    [InlineData("learn to “play the piano with all ten fingers”", "10")]
    [InlineData("strengthen the “Four Consciousnesses”, reinforce the “Four-sphere Confidence” and achieve the “Two Upholds”", "4 | 4 | 2")]
    [InlineData("the first 6 “15-minute convenient living circles” were created", "6 | 15")]
    [InlineData("twenty-three areas, a dozen towns, one hundred and five villages", "23 | 12 | 105")]
    [InlineData("the 234-metre Suzhou Xingli Hotel and a 600-mu base", "234 | 600")]
    [InlineData("ten major industrial clusters; output grew twice over", "10 | 2")]
    public void Reads_numbers_in_words_and_figures(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("2022 was the year in which the 20th National Congress was convened, a crucial year for implementing the 14th Five-Year Plan", "2022 | 20th | 14th | 5")]
    [InlineData("education under the “Eighth Five-Year Plan for Law Popularisation”", "8th | 5")]
    [InlineData("the 29th ITS World Congress", "29th")]
    [InlineData("the pilot cultivation of the seventh batch", "7th")]
    [InlineData("the second “Hundred” refers to achieving the renewal of 100 square kilometres of industrial land within 5 years.", "2nd | 100 | at most 5")]
    [InlineData("ranking first in the municipality, the first year, one of the province's first", "")]
    [InlineData("per second", "")]
    public void Reads_ordinals(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("named an excellent county for financial ecology in the province for 2019–2021", "2019 | 2021")]
    [InlineData("action plans to be carried out from 2023 to 2025 in 23 areas", "2023 | 2025 | 23")]
    [InlineData("with a radius of 400–800 metres", "400 | 800")]
    [InlineData("an investment of 3–5 billion yuan", "3 billion yuan | 5 billion yuan")]
    [InlineData("growth of 3 to 5 per cent", "3% | 5%")]
    [InlineData("Delivered on 3 January 2023", "3 January | 2023")]
    [InlineData("on January 3, 2023", "3 January | 2023")]
    [InlineData("a rise of 0.5 percentage points", "0.5 percentage points")]
    [InlineData("the 2035 territorial spatial district plan", "2035")]
    [InlineData("3-5 people in each village", "3 | 5")]
    [InlineData("the CPC 20th National Congress; GDP 5% higher", "20th | 5%")]
    [InlineData("the fifth national economic census", "5th")]
    public void Reads_ranges_dates_and_percentages(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("keep PM2.5 concentration at no more than 29 micrograms per cubic metre, and keep the proportion of days with good or excellent air quality at no less than 82%", "at most 29 | at least 82%")]
    [InlineData("start construction of 3 or more energy stations", "at least 3")]
    [InlineData("strive to land at least 2 projects with investment of over 5 billion yuan", "at least 2 | at least 5 billion yuan")]
    [InlineData("keep the employment rate of college graduates with local household registration above 95%", "at least 95%")]
    [InlineData("more than 20,000 officials charged ahead", "at least 20,000")]
    [InlineData("More than 10,000 preferential treatment cards were issued", "at least 10,000")]
    [InlineData("within a service radius of about a 15-minute walk", "about 15")]
    [InlineData("The number of advanced materials enterprises with annual sales exceeding 1 billion yuan rose above 10", "at least 1 billion yuan | at least 10")]
    [InlineData("housing provident fund coverage was extended to 16,000 more people", "16,000")]
    public void Reads_approximations(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("construction started on Rail Transit Line 10 (Su-Yu-Zhang Line) and the extensions of Lines 2, 4 and 7", "no. 10 | no. 2 | no. 4 | no. 7")]
    [InlineData("take Route 5 to the park", "no. 5")]
    public void Reads_numbers_that_name_things_as_names(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("The average concentration of PM2.5 met the standards")]
    [InlineData("the upgrading of the Xiangcheng section of G524")]
    [InlineData("rated a national 4A tourist attraction")]
    [InlineData("better coordinate COVID-19 prevention and control")]
    [InlineData("(1) the first task")]
    [InlineData("a number of key tasks, hundreds of projects, thousands of households")]
    [InlineData("Phase II of the grain reserve depot, Grade III water")]
    [InlineData("the “Double Hundred” campaign, one analysis for each indicator")]
    [InlineData("keep the number of unemployed people at zero; the 1990s; 5G networks")]
    [InlineData("we may act in May")]
    [InlineData("certified to ISO 9001 and GB 50016")]
    public void Reads_no_number_where_there_is_none(string text) => Assert.Equal("", Read(text));

    [Fact]
    public void Gives_each_number_its_place_in_the_text()
    {
        var text = "general public budget revenue, 14.57 billion yuan, up 0.9%";
        var found = EnglishNumberReader.Read(text).Where(q => q.Required).ToList();
        Assert.Equal("14.57 billion yuan", text.Substring(found[0].Start, found[0].Length));
        Assert.Equal("0.9%", found[1].Text);
    }

    [Theory]
    [InlineData("145.7亿元", "14.57 billion yuan")]
    [InlineData("1100亿元左右", "110 billion yuan")]
    [InlineData("10.3亿美元", "1.03 billion US dollars")]
    [InlineData("2.3万人", "23,000")]
    [InlineData("5590万元", "55.9 million yuan")]
    [InlineData("4亿美元", "400 million US dollars")]
    public void Reads_the_same_value_in_both_languages(string chinese, string english)
    {
        var zh = Assert.Single(ChineseNumberReader.Read(chinese), q => q.Required);
        var en = Assert.Single(EnglishNumberReader.Read(english), q => q.Required);
        Assert.Equal(zh.Key, en.Key);
    }
}
