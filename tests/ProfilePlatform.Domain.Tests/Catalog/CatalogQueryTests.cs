using System.Diagnostics;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog.Query;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Tests.Catalog;

public sealed class CatalogQueryTests
{
    private static readonly KeyValuePair<string, JsonObject>[] Items =
    [
        Item("b1", """{"name":"Loyalty","version":"1.0.10","created":300,"updated":900,"tags":{"unifiedProfile":["enabled:true"],"adobe/pqs/table":["loyalty"]},"enableErrorDiagnostics":true}"""),
        Item("a2", """{"name":"loyalty events","version":"1.0.9","created":100,"updated":800,"tags":{"owner":["team-a"]}}"""),
        Item("c3", """{"name":"Web*Events","version":"1.0.2","created":200,"updated":700,"description":"clicks"}"""),
        Item("d4", """{"version":"1.1.0","created":200,"updated":600,"state":"DRAFT"}"""),
    ];

    [Fact]
    public void Parse_NoParameters_Limit20Start0ChronologicalOrder()
    {
        // Act
        var sut = Parse();
        var page = sut.Apply(Items);

        // Assert
        Assert.Equal(20, sut.Limit);
        Assert.Equal(0, sut.Start);
        Assert.Equal(["a2", "c3", "d4", "b1"], Keys(page));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("")]
    [InlineData("99999999999999999999")]
    public void Parse_LimitOutOfRange_Throws400NamingTheRange(string limit)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => Parse(("limit", limit)));

        // Assert
        Assert.Same(ErrorCatalog.Catalog.InvalidQuery, ex.Error);
        Assert.Contains("'limit'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("100")]
    public void Parse_LimitInRange_Accepted(string limit)
    {
        // Act / Assert
        Assert.Equal(int.Parse(limit, System.Globalization.CultureInfo.InvariantCulture), Parse(("limit", limit)).Limit);
    }

    [Fact]
    public void Parse_ObservableSchemaRequested_LimitsDatasetsTo20()
    {
        // Act
        var ex = Assert.Throws<AepException>(() => Parse(("properties", "name,observableSchema"), ("limit", "21")));
        var ok = Parse(("properties", "observableSchema"), ("limit", "20"));
        var batches = CatalogQuery.Parse([new("properties", "observableSchema"), new("limit", "50")], CatalogQueryRules.Batches);

        // Assert
        Assert.Contains("at most 20", ex.Message, StringComparison.Ordinal);
        Assert.Equal(20, ok.Limit);
        Assert.Equal(50, batches.Limit);
    }

    [Fact]
    public void Parse_RepeatedLimit_Throws()
    {
        // Act / Assert
        Assert.Throws<AepException>(() => Parse(("limit", "5"), ("limit", "6")));
    }

    [Fact]
    public void Apply_StartAndLimit_OffsetThenLimit()
    {
        // Act
        var page = Parse(("start", "1"), ("limit", "2")).Apply(Items);
        var beyond = Parse(("start", "10")).Apply(Items);

        // Assert
        Assert.Equal(["c3", "d4"], Keys(page));
        Assert.Empty(beyond);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("x")]
    public void Parse_BadStart_Throws(string start)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => Parse(("start", start)));

        // Assert
        Assert.Contains("'start'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_OrderByDescCreatedThenName_TieBrokenBySecondKey()
    {
        // Act
        var page = Parse(("orderBy", "desc:created,asc:updated")).Apply(Items);

        // Assert: c3 and d4 share created=200; d4 has the lower updated
        Assert.Equal(["b1", "d4", "c3", "a2"], Keys(page));
    }

    [Fact]
    public void Apply_OrderByBareNameAscending_MissingValuesFirstThenOrdinal()
    {
        // Act
        var page = Parse(("orderBy", "name")).Apply(Items);

        // Assert
        Assert.Equal(["d4", "b1", "c3", "a2"], Keys(page));
    }

    [Fact]
    public void Apply_OrderByVersion_ComparesSegmentsNumerically()
    {
        // Act
        var page = Parse(("orderBy", "desc:version")).Apply(Items);

        // Assert: 1.1.0 > 1.0.10 > 1.0.9 > 1.0.2
        Assert.Equal(["d4", "b1", "a2", "c3"], Keys(page));
    }

    [Fact]
    public void Parse_LegacySortParameter_ReadAsOrderBy()
    {
        // Act
        var sut = Parse(("sort", "desc:updated"));

        // Assert
        Assert.Equal([new CatalogOrder("updated", true)], sut.OrderBy);
    }

    [Theory]
    [InlineData("up:name")]
    [InlineData("desc:")]
    [InlineData("asc:na me")]
    [InlineData("desc:schemaRef.id")]
    [InlineData(",")]
    [InlineData("a,b,c,d,e,f,g,h,i")]
    public void Parse_BadOrderBy_Throws400(string orderBy)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => Parse(("orderBy", orderBy)));

        // Assert
        Assert.Same(ErrorCatalog.Catalog.InvalidQuery, ex.Error);
        Assert.Contains("orderBy", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_Properties_KeepsOnlyThoseAndEmptyObjectWhenNoneHeld()
    {
        // Arrange
        var sut = Parse(("properties", "name,description"));

        // Act
        var response = sut.ToResponse(sut.Apply(Items));

        // Assert
        Assert.Equal("""{"name":"Web*Events","description":"clicks"}""", response["c3"]!.ToJsonString());
        Assert.Equal("{}", response["d4"]!.ToJsonString());
        Assert.Equal("""{"name":"Loyalty"}""", response["b1"]!.ToJsonString());
        Assert.Equal(["a2", "c3", "d4", "b1"], response.Select(kv => kv.Key));
    }

    [Theory]
    [InlineData("name,")]
    [InlineData("tags.owner")]
    [InlineData("")]
    public void Parse_BadProperties_Throws400(string properties)
    {
        // Act / Assert
        Assert.Throws<AepException>(() => Parse(("properties", properties)));
    }

    [Theory]
    [InlineData("Loyalty", new[] { "b1" })]
    [InlineData("Loyalty,loyalty events", new[] { "a2", "b1" })]
    [InlineData("!Loyalty", new[] { "a2", "c3", "d4" })]
    [InlineData("!Loyalty,loyalty events", new[] { "c3", "d4" })]
    [InlineData("loyalty*", new[] { "a2" })]
    [InlineData("*oyalty", new[] { "b1" })]
    [InlineData("Web**Events", new[] { "c3" })]
    [InlineData("Web*", new[] { "c3" })]
    [InlineData("*", new[] { "a2", "c3", "b1" })]
    [InlineData("nothing", new string[0])]
    public void Apply_SimpleNameFilter_EqualsInNotInAndWildcards(string value, string[] expected)
    {
        // Act
        var page = Parse(("name", value)).Apply(Items);

        // Assert
        Assert.Equal(expected, Keys(page));
    }

    [Fact]
    public void Apply_SimpleFilterOnNumberAndBoolean_ComparesByType()
    {
        // Act
        var created = Parse(("created", "200")).Apply(Items);
        var diagnostics = Parse(("enableErrorDiagnostics", "true")).Apply(Items);
        var notANumber = Parse(("created", "abc")).Apply(Items);

        // Assert
        Assert.Equal(["c3", "d4"], Keys(created));
        Assert.Equal(["b1"], Keys(diagnostics));
        Assert.Empty(notANumber);
    }

    [Fact]
    public void Apply_WildcardOnOtherProperty_IsLiteral()
    {
        // Act
        var page = Parse(("description", "cl*")).Apply(Items);

        // Assert: only name takes wildcards
        Assert.Empty(page);
    }

    [Theory]
    [InlineData("name", new[] { "a2", "c3", "b1" })]
    [InlineData("!name", new[] { "d4" })]
    [InlineData("name~^[Ll]oyalty", new[] { "a2", "b1" })]
    [InlineData("name~events$", new[] { "a2" })]
    [InlineData("name==Loyalty", new[] { "b1" })]
    [InlineData("name!=Loyalty", new[] { "a2", "c3", "d4" })]
    [InlineData("version>1.0.3", new[] { "a2", "d4", "b1" })]
    [InlineData("version>=1.0.10", new[] { "d4", "b1" })]
    [InlineData("version<1.0.9", new[] { "c3" })]
    [InlineData("version<=1.0.9", new[] { "a2", "c3" })]
    [InlineData("created>200", new[] { "b1" })]
    [InlineData("created<=200", new[] { "a2", "c3", "d4" })]
    [InlineData("updated<650", new[] { "d4" })]
    [InlineData("state==DRAFT", new[] { "d4" })]
    public void Apply_PropertyExpression_FiltersAsDocumented(string expression, string[] expected)
    {
        // Act
        var page = Parse(("property", expression)).Apply(Items);

        // Assert
        Assert.Equal(expected, Keys(page));
    }

    [Fact]
    public void Apply_SeveralConditions_AreAnded()
    {
        // Act
        var page = Parse(("property", "name~oyalty"), ("property", "created<250"), ("name", "!Loyalty")).Apply(Items);

        // Assert
        Assert.Equal(["a2"], Keys(page));
    }

    [Theory]
    [InlineData("")]
    [InlineData("=name")]
    [InlineData("name=x")]
    [InlineData("na me")]
    [InlineData("!")]
    [InlineData("name=>3")]
    [InlineData("1name")]
    public void Parse_BadPropertyExpression_Throws400(string expression)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => Parse(("property", expression)));

        // Assert
        Assert.Same(ErrorCatalog.Catalog.InvalidQuery, ex.Error);
    }

    [Theory]
    [InlineData("name~(")]
    [InlineData("name~(a)\\1")]
    [InlineData("name~(?=a)")]
    [InlineData("name~(?<=a)b")]
    public void Parse_RegexInvalidOrBacktrackingOnly_Throws400(string expression)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => Parse(("property", expression)));

        // Assert
        Assert.Contains("regular expression", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RegexLongerThanLimit_Throws400()
    {
        // Act
        var ex = Assert.Throws<AepException>(() => Parse(("property", "name~" + new string('a', PropertyExpressionFilter.MaxPatternLength + 1))));

        // Assert
        Assert.Contains("at most", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name~(a+)+$")]
    [InlineData("name~(a|aa)*c")]
    [InlineData("name~(.*a){12}")]
    public void Apply_CatastrophicBacktrackingPattern_RunsInLinearTime(string expression)
    {
        // Arrange: inputs that take a backtracking engine minutes
        var hostile = new[] { Item("x", $$"""{"name":"{{new string('a', 5000)}}!","created":1}""") };
        var sut = Parse(("property", expression));
        var watch = Stopwatch.StartNew();

        // Act
        var outcome = Record.Exception(() => sut.Apply(hostile));

        // Assert: answered (or refused with a 400) quickly, never hung
        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.True(outcome is null or AepException, $"unexpected {outcome}");
    }

    [Theory]
    [InlineData("unifiedProfile:enabled:true", new[] { "b1" })]
    [InlineData("owner:team-*", new[] { "a2" })]
    [InlineData("owner:*", new[] { "a2" })]
    [InlineData("adobe/pqs/table:*,unifiedProfile:enabled:true", new[] { "b1" })]
    [InlineData("owner:*,unifiedProfile:*", new string[0])]
    [InlineData("owner:team-b", new string[0])]
    public void Apply_TagsFilter_KeyValueWithWildcardAnded(string tags, string[] expected)
    {
        // Act
        var page = Parse(("tags", tags)).Apply(Items);

        // Assert
        Assert.Equal(expected, Keys(page));
    }

    [Theory]
    [InlineData("owner")]
    [InlineData(":x")]
    [InlineData("a:b,")]
    public void Parse_BadTags_Throws400(string tags)
    {
        // Act / Assert
        Assert.Throws<AepException>(() => Parse(("tags", tags)));
    }

    [Fact]
    public void Apply_CreatedAfterAndBefore_AreExclusive()
    {
        // Act
        var page = Parse(("createdAfter", "100"), ("createdBefore", "300")).Apply(Items);

        // Assert
        Assert.Equal(["c3", "d4"], Keys(page));
    }

    [Theory]
    [InlineData("createdAfter", "yesterday")]
    [InlineData("createdBefore", "1.5")]
    public void Parse_NonNumericCreatedRange_Throws400(string key, string value)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => Parse((key, value)));

        // Assert
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x-forwarded")]
    [InlineData("schemaRef.id")]
    [InlineData("$where")]
    public void Parse_UnknownOddParameter_Throws400NamingIt(string key)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => Parse((key, "1")));

        // Assert
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IgnoredParameter_HasNoEffect()
    {
        // Act
        var page = Parse(("expansion", "files")).Apply(Items);

        // Assert
        Assert.Equal(4, page.Count);
    }

    [Fact]
    public void Apply_BatchDataSetAndBatchParameters_FilterOnRelatedObjectAndId()
    {
        // Arrange
        KeyValuePair<string, JsonObject>[] batches =
        [
            Item("B1", """{"created":1,"relatedObjects":[{"type":"dataSet","id":"ds1"}]}"""),
            Item("B2", """{"created":2,"relatedObjects":[{"type":"dataSet","id":"ds2"},{"type":"batch","id":"ds1"}]}"""),
        ];

        // Act
        var byDataSet = CatalogQuery.Parse([new("dataSet", "ds1")], CatalogQueryRules.Batches).Apply(batches);
        var byId = CatalogQuery.Parse([new("batch", "B2,B9")], CatalogQueryRules.Batches).Apply(batches);

        // Assert
        Assert.Equal(["B1"], Keys(byDataSet));
        Assert.Equal(["B2"], Keys(byId));
    }

    [Fact]
    public void ForStore_OnlyIndexedConditions_StorePagesItself()
    {
        // Arrange
        var columns = new CatalogColumns(new HashSet<string> { "id", "name" }, new HashSet<string> { "created", "updated" });
        var sut = Parse(("name", "a,b"), ("createdAfter", "5"), ("orderBy", "desc:updated"), ("start", "3"), ("limit", "7"));

        // Act
        var store = sut.ForStore(columns);

        // Assert
        Assert.True(store.IsPaged);
        Assert.Equal(5, store.CreatedAfter);
        Assert.Equal(["a", "b"], store.Equal.Single(e => e.Key == "name").Value);
        Assert.Equal([new CatalogOrder("updated", true)], store.OrderBy);
        Assert.Equal((3, 7), (store.Skip, store.Take));
    }

    [Theory]
    [InlineData("name", "a*")]
    [InlineData("name", "!a")]
    [InlineData("description", "x")]
    [InlineData("property", "name~a")]
    [InlineData("orderBy", "name")]
    public void ForStore_ConditionOrSortBeyondColumns_FinishedInMemory(string key, string value)
    {
        // Arrange
        var columns = new CatalogColumns(new HashSet<string> { "id", "name" }, new HashSet<string> { "created", "updated" });

        // Act
        var store = Parse((key, value)).ForStore(columns);

        // Assert
        Assert.False(store.IsPaged);
        Assert.Equal(0, store.Take);
    }

    [Fact]
    public void Apply_PagedByStore_KeepsStoreOrderAndDoesNotPageAgain()
    {
        // Act
        var page = Parse(("start", "2")).Apply(Items, pagedByStore: true);

        // Assert
        Assert.Equal(["b1", "a2", "c3", "d4"], Keys(page));
    }

    private static CatalogQuery Parse(params (string Key, string Value)[] parameters) =>
        CatalogQuery.Parse(parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)), CatalogQueryRules.DataSets);

    private static KeyValuePair<string, JsonObject> Item(string id, string json) => new(id, JsonNode.Parse(json)!.AsObject());

    private static string[] Keys(IEnumerable<KeyValuePair<string, JsonObject>> page) => [.. page.Select(kv => kv.Key)];
}
