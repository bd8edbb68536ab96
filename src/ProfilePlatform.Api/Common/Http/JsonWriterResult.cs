using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ProfilePlatform.Api.Common.Http;

/// <summary>A 200 whose JSON body is written straight to the response by a <see cref="Utf8JsonWriter"/>, with the
/// encoder and indentation of the MVC JSON options, so the bytes are those the JSON formatter would send for the same
/// object model.</summary>
/// <remarks>For hot answers built from stored JSON (the entity lookup): no object model of the answer is made just to
/// be serialized.</remarks>
/// <param name="write">Writes the one JSON value of the body.</param>
internal sealed class JsonWriterResult(Action<Utf8JsonWriter> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = http.Response.BodyWriter;
        await using (var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = json.Encoder, Indented = json.WriteIndented, MaxDepth = json.MaxDepth }))
        {
            write(writer);
        }

        await body.FlushAsync(http.RequestAborted);
    }
}
