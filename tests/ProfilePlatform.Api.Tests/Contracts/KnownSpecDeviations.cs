using static NJsonSchema.Validation.ValidationErrorKind;

namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>The known places where Adobe's AEP specs are wrong; ProfilePlatform follows AEP's real behaviour there.</summary>
/// <remarks>
/// <para>Each entry waives one error kind at one JSON path pattern in one documented response; see
/// <see cref="SpecDeviation"/>. Most come from the specs contradicting their own examples (the project's
/// reference <c>spec-defects.md</c> lists them); where AEP's docs side with the schema instead, the entry is
/// <see cref="DeviationScope.SpecExamplesOnly"/> and ProfilePlatform's responses are still held to the schema.</para>
/// <para>Add an entry only with a source for the real behaviour, and as narrow as the error allows;
/// <c>OpenApiContractTests</c> fails for an entry that no longer waives anything.</para>
/// </remarks>
public static class KnownSpecDeviations
{
    public static IReadOnlyList<SpecDeviation> All { get; } =
    [
        .. Sandbox(), .. SchemaRegistry(), .. Catalog(), .. DataPrep(), .. FlowService(), .. Destinations(),
        .. IdentityService(), .. Profile(), .. StreamingIngestion(), .. BatchIngestion(),
    ];

    private static IEnumerable<SpecDeviation> Sandbox()
    {
        yield return new("sandbox.yaml", "GET", "/sandbox-management/sandboxTypes", "200", "$.sandboxTypes[*]", ObjectExpected,
            "The spec models sandboxTypes items as {id,title} objects; the AEP doc help/sandboxes/api/list-sandbox-types.md "
            + "shows {\"sandboxTypes\":[\"production\",\"development\"]} (strings), which ProfilePlatform follows.");
    }

    private static IEnumerable<SpecDeviation> SchemaRegistry()
    {
        const string Spec = "schema-registry.yaml";
        const string NextIsNull = "The spec types _page.next and _links.next as strings; on the last page AEP sends null "
            + "(the spec's own list examples; help/xdm/api/schemas.md list response: \"_page\":{...,\"next\":null}, \"_links\":{\"next\":null,...}).";
        foreach (var list in new[] { "/{CONTAINER_ID}/fieldgroups", "/{CONTAINER_ID}/mixins", "/{CONTAINER_ID}/classes", "/{CONTAINER_ID}/datatypes", "/global/behaviors" })
        {
            yield return new(Spec, "GET", list, "200", "$._page.next", StringExpected, NextIsNull);
            yield return new(Spec, "GET", list, "200", "$._links.next", StringExpected, NextIsNull);
        }

        const string CreatedDate = "The spec types meta:createdDate as an object; the spec's own examples (and AEP) send a date string like \"2020-08-10\".";
        foreach (var list in new[] { "/{CONTAINER_ID}/fieldgroups", "/{CONTAINER_ID}/mixins", "/{CONTAINER_ID}/datatypes" })
        {
            yield return new(Spec, "GET", list, "200", "$.results[*].meta:createdDate", ObjectExpected, CreatedDate);
        }

        foreach (var one in new[] { "/{CONTAINER_ID}/fieldgroups/{FIELD_GROUP_ID}", "/{CONTAINER_ID}/mixins/{MIXIN_ID}", "/{CONTAINER_ID}/datatypes/{DATA_TYPE_ID}" })
        {
            yield return new(Spec, "GET", one, "200", "$.meta:createdDate", ObjectExpected, CreatedDate);
        }

        const string SourceVersion = "The spec types xdm:sourceVersion as a string; the spec's own descriptor examples and "
            + "help/xdm/api/descriptors.md send a number (\"xdm:sourceVersion\":1).";
        yield return new(Spec, "GET", "/{CONTAINER_ID}/descriptors/{DESCRIPTOR_ID}", "200", "$.xdm:sourceVersion", StringExpected, SourceVersion);
        yield return new(Spec, "POST", "/tenant/descriptors", "201", "$.xdm:sourceVersion", StringExpected, SourceVersion);
        yield return new(Spec, "PUT", "/tenant/descriptors/{DESCRIPTOR_ID}", "200", "$.xdm:sourceVersion", StringExpected, SourceVersion);
        yield return new(Spec, "GET", "/{CONTAINER_ID}/descriptors", "200", "$.*[*].xdm:sourceVersion", StringExpected, SourceVersion);
        yield return new(Spec, "GET", "/{CONTAINER_ID}/descriptors", "200", "$.*[*]", ObjectExpected,
            "The spec types every list entry as a descriptor object; with the xdm-id and xdm-link Accept headers AEP lists "
            + "@id strings and /tenant/descriptors/{@id} paths (help/xdm/api/descriptors.md list response; the spec's own "
            + "acceptDescriptors parameter: \"Returns a list of descriptor IDs\").");
        const string LocalizedText = "The spec types a friendly name's xdm:title and xdm:description as strings; the spec's own "
            + "friendlyNameDescriptorResponse example and help/xdm/api/descriptors.md send locale objects ({\"en_us\":\"...\"}).";
        yield return new(Spec, "GET", "/{CONTAINER_ID}/descriptors", "200", "$.xdm:alternateDisplayInfo[*].xdm:title", StringExpected, LocalizedText);
        yield return new(Spec, "GET", "/{CONTAINER_ID}/descriptors", "200", "$.xdm:alternateDisplayInfo[*].xdm:description", StringExpected, LocalizedText);

        yield return new(Spec, "GET", "/rpc/auditlog/{RESOURCE_ID}", "200", "$[*].updates[*].value", StringExpected,
            "The spec types an audit log update's value as a string; it is the changed JSON value, an object or a number "
            + "in the spec's own example (objects also in help/xdm/api/audit-log.md).");
    }

    private static IEnumerable<SpecDeviation> Catalog()
    {
        const string RelatedTypes = "The spec limits relatedObjects[].type to batch, dataSet, dataSetFile, dataSetView, transform; "
            + "the spec's own batch example also has expressionBlock, service and serviceDefinition.";
        yield return new("catalog.yaml", "GET", "/batches", "200", "$.*.relatedObjects[*].type", NotInEnumeration, RelatedTypes);
        yield return new("catalog.yaml", "GET", "/batches/{BATCH_ID}", "200", "$.*.relatedObjects[*].type", NotInEnumeration, RelatedTypes);
    }

    private static IEnumerable<SpecDeviation> DataPrep()
    {
        const string Spec = "data-prep.yaml";
        const string EpochDates = "The spec types createdDate/modifiedDate as strings; AEP sends epoch milliseconds (the spec's own examples; "
            + "help/data-prep/api/mapping-set.md create response \"createdDate\":1669249214031).";
        const string SourceType = "The spec limits a mapping's sourceType to ATTRIBUTE, EXPRESSION, STATIC; a stored mapping comes back "
            + "as the media type \"text/x.schema-path\" (the spec's own MappingOperation example).";
        yield return new(Spec, "GET", "/mappingSets", "200", "$.data", ArrayExpected,
            "The spec's own list example has data as one mapping set object; the schema (MapperSetPage) and "
            + "help/data-prep/api/mapping-set.md list an array, so only the example is wrong.", DeviationScope.SpecExamplesOnly);
        yield return new(Spec, "POST", "/mappingSets", "200", "$.createdDate", StringExpected, EpochDates);
        yield return new(Spec, "POST", "/mappingSets", "200", "$.modifiedDate", StringExpected, EpochDates);
        yield return new(Spec, "POST", "/mappingSets/validate", "200", "$.validationResponse[*].errors", ArrayExpected,
            "The spec types validationResponse[].errors as an array; the spec's own example has null for a successful mapping.");
        foreach (var mapping in new[] { "/mappingSets/{MAPPING_SET_ID}/mappings", "/mappingSets/{MAPPING_SET_ID}/mappings/{MAPPING_ID}" })
        {
            yield return new(Spec, "GET", mapping, "200", "$.createdDate", StringExpected, EpochDates);
            yield return new(Spec, "GET", mapping, "200", "$.modifiedDate", StringExpected, EpochDates);
            yield return new(Spec, "GET", mapping, "200", "$.sourceType", NotInEnumeration, SourceType);
        }
    }

    private static IEnumerable<SpecDeviation> FlowService()
    {
        const string Spec = "flow-service.yaml";
        const string ItemsObject = "The spec types this response as an array; the spec's own example is an object {\"items\":[...]}, "
            + "the envelope every Flow Service read uses.";
        yield return new(Spec, "GET", "/connections/{BASE_CONNECTION_ID}/configs", "200", "$", ArrayExpected, ItemsObject);
        yield return new(Spec, "GET", "/connectionSpecs/{CONNECTION_SPEC_ID}/explore", "200", "$", ArrayExpected, ItemsObject);
        yield return new(Spec, "GET", "/connectionSpecs/{CONNECTION_SPEC_ID}/configs", "200", "$", ArrayExpected, ItemsObject);

        const string UiAttributes = "The spec types sourceSpec.attributes.uiAttributes.* as strings; the spec's own example has "
            + "localisation keys, objects like {\"key\":\"crm\"}.";
        const string Permissions = "The spec types permissionsInfo.manage/view as arrays; the spec's own example has one "
            + "permission object {\"@type\":\"lowLevel\",\"name\":...,\"permissions\":[...]}.";
        foreach (var (method, template, status) in new[] { ("POST", "/connectionSpecs", "201"), ("PUT", "/connectionSpecs/{CONNECTION_SPEC_ID}", "200") })
        {
            yield return new(Spec, method, template, status, "$.sourceSpec.attributes.uiAttributes.*", StringExpected, UiAttributes);
            yield return new(Spec, method, template, status, "$.permissionsInfo.*", ArrayExpected, Permissions);
        }

        yield return new(Spec, "POST", "/flowSpecs", "201", "$.permissionsInfo.*", ArrayExpected, Permissions);
        yield return new(Spec, "POST", "/flowSpecs", "201", "$.attributes.notification.flowRun", ObjectExpected,
            "The spec types attributes.notification.flowRun as an object; the spec's own example has null.");
        yield return new(Spec, "PUT", "/flowSpecs/{FLOW_SPEC_ID}", "200", "$.permissionsInfo.*", ArrayExpected, Permissions);
        yield return new(Spec, "PUT", "/flowSpecs/{FLOW_SPEC_ID}", "200", "$.scheduleSpec.spec.then.allOf[*].not", ObjectExpected,
            "The spec types a schedule rule's 'not' as an object; the spec's own example has null.");
    }

    private static IEnumerable<SpecDeviation> Destinations()
    {
        const string Spec = "destinations.yaml";
        const string Envelope = "The spec's schema here is one bare connection, so its required properties are missed at the root; "
            + "AEP (and the spec's own examples) wrap reads in {\"items\":[...]}, even for one id "
            + "(help/sources/tutorials/api/create/streaming/http.md).";
        foreach (var read in new[] { "/connections", "/connections/{id}", "/sourceConnections", "/sourceConnections/{id}", "/targetConnections", "/targetConnections/{id}" })
        {
            yield return new(Spec, "GET", read, "200", "$.*", PropertyRequired, Envelope);
        }

        const string Inherited = "The spec types inheritedAttributes.sourceConnections/targetConnections as objects; the spec's own "
            + "flow examples (and AEP) send arrays of connections.";
        foreach (var read in new[] { "/flows", "/flows/{id}" })
        {
            yield return new(Spec, "GET", read, "200", "$.items[*].inheritedAttributes.sourceConnections", ObjectExpected, Inherited);
            yield return new(Spec, "GET", read, "200", "$.items[*].inheritedAttributes.targetConnections", ObjectExpected, Inherited);
        }

        yield return new(Spec, "GET", "/flows/{id}", "200", "$", NotOneOf,
            "The spec's oneOf of flow shapes is ambiguous: its own dataset export flow example (no transformations) "
            + "matches both schemas once inheritedAttributes is read as arrays.");

        const string Codes = "The spec requires error codes like ABC-123-400; the spec's own run examples (AEP activation runs) have "
            + "codes like ACTIVATION_BATCH-0000-FAILED.";
        yield return new(Spec, "GET", "/runs", "200", "$.items[*].metrics.recordSummary.skippedInfo[*].code", PatternMismatch, Codes);
        yield return new(Spec, "GET", "/runs", "200", "$.items[*].metrics.recordSummary.failedInfo[*].code", PatternMismatch, Codes);
        yield return new(Spec, "GET", "/runs", "200", "$.items[*].metrics.statusSummary.errors[*].code", PatternMismatch, Codes);
        yield return new(Spec, "GET", "/runs", "200", "$.items[*].metrics.statusSummary.status", NotInEnumeration,
            "The spec capitalises run statuses (Success, Failed...); the spec's own run examples (and AEP) send \"success\", \"failed\".");
    }

    private static IEnumerable<SpecDeviation> IdentityService()
    {
        const string Spec = "identity-service.yaml";
        const string AdditionalContext = "The spec types a 403 report.additionalContext as an object; the spec's own 403 examples have null.";
        foreach (var (method, template) in new[] { ("GET", "/identity/identity"), ("POST", "/identity/v2/graph"), ("GET", "/identity/cluster/members"), ("POST", "/identity/clusters/members") })
        {
            yield return new(Spec, method, template, "403", "$.report.additionalContext", ObjectExpected, AdditionalContext);
        }

        yield return new(Spec, "POST", "/identity/v2/graph", "200", "$.graphs", ObjectExpected,
            "The spec types graphs as an object; the spec's own examples send an array of graphs.");

        const string IdTypeSpelling = "The spec's idType enums disagree with each other and with AEP: the list and update "
            + "responses allow COOKIE, CROSS_DEVICE, MOBILE beside Device, Email, Non_people, Phone, the single namespace only "
            + "Cookie, Cross_device... AEP lists standard namespaces in upper case (help/identity-service/api/list-namespaces.md "
            + "\"idType\":\"COOKIE\") and custom ones as created (help/identity-service/api/create-custom-namespace.md "
            + "\"Cross_device\"; Adobe Campaign's privacy guide lists a custom namespace with \"idType\": \"Email\").";
        yield return new(Spec, "GET", "/idnamespace/identities", "200", "$[*].idType", NotInEnumeration, IdTypeSpelling);
        yield return new(Spec, "GET", "/idnamespace/identities/{ID}", "200", "$.idType", NotInEnumeration, IdTypeSpelling);

        const string Nsid = "The spec types compositeXid.nsid as a string; the spec's own examples send the namespace id as a number (411).";
        foreach (var (method, template) in new[] { ("GET", "/identity/cluster/members"), ("POST", "/identity/clusters/members") })
        {
            yield return new(Spec, method, template, "200", "$.clusters[*].compositeXid.nsid", StringExpected, Nsid);
            yield return new(Spec, method, template, "200", "$.clusters[*].members[*].nsid", StringExpected, Nsid);
        }
    }

    private static IEnumerable<SpecDeviation> Profile()
    {
        yield return new("profile.yaml", "POST", "/ups/system/jobs", "200", "$", NotOneOf,
            "The spec's oneOf of export job shapes is ambiguous: its own examples match more than one of its schemas.");
        yield return new("profile.yaml", "GET", "/ups/system/jobs", "200", "$.children[*].status", NotInEnumeration,
            "The list's job schema enumerates NEW, PROCESSING, COMPLETED, ERROR; help/profile/api/profile-system-jobs.md (and the spec's "
            + "AWSSystemJob) give SUCCESS for a finished request, which the platform answers.");
        yield return new("profile.yaml", "GET", "/ups/system/jobs/{ID}", "200", "$", NotOneOf,
            "The spec's oneOf of system job shapes (ProfileSystemJob, AWSSystemJob) is ambiguous: neither requires a field, so "
            + "any job matches both; the platform's job carries both shapes' fields (help/profile/api/profile-system-jobs.md).");
    }

    private static IEnumerable<SpecDeviation> StreamingIngestion()
    {
        yield return new("streaming-ingestion.yaml", "POST", "/collection/{CONNECTION_ID}", "200", "$.receivedTimeMs", IntegerExpected,
            "The spec's own example has receivedTimeMs as a string; the schema's integer is right "
            + "(help/ingestion/quality/streaming-validation.md responses: \"receivedTimeMs\":1555445493932).", DeviationScope.SpecExamplesOnly);
    }

    private static IEnumerable<SpecDeviation> BatchIngestion()
    {
        yield return new("batch-ingestion.yaml", "POST", "/batches", "201", "$.status", NotInEnumeration,
            "The spec's Batch.status enum lacks 'loading', the status of every new batch: help/ingestion/batch-ingestion/api-overview.md "
            + "create-batch responses (\"status\": \"loading\"); catalog.yaml's batchStatus lists it.");
    }
}
