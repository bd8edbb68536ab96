using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Filters;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Api.Common.Http;

/// <summary>Refuses a JSON body that names one property twice in an object (<c>{"a":1,"a":2}</c>) with a 400 naming it.</summary>
/// <remarks><see cref="JsonObject"/> parses such a document but throws on first access, deep inside whichever service
/// reads the body, which would surface as a 500; checking every <see cref="JsonNode"/> argument here, once, keeps
/// that out of every controller.</remarks>
internal sealed class JsonBodyGuardFilter : IActionFilter
{
    private const int MaxDepth = 256;

    public void OnActionExecuting(ActionExecutingContext context)
    {
        foreach (var argument in context.ActionArguments.Values)
        {
            if (argument is JsonNode node)
            {
                Check(node, 0);
            }
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    private static void Check(JsonNode? node, int depth)
    {
        if (depth > MaxDepth)
        {
            return; // the request reader's own depth limit refuses such documents first
        }

        switch (node)
        {
            case JsonObject o:
                List<JsonNode?> children;
                try
                {
                    children = [.. o.Select(p => p.Value)];
                }
                catch (ArgumentException e)
                {
                    var key = e.Message.Split("Key: ", 2) is [_, var rest] ? rest.Split(" (Parameter", 2)[0] : "?";
                    throw new AepException(ErrorCatalog.Common.BadRequest, $"The JSON body names property '{(key.Length > 100 ? key[..100] + "..." : key)}' twice in one object: send each property once.");
                }

                foreach (var child in children)
                {
                    Check(child, depth + 1);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Check(item, depth + 1);
                }

                break;
        }
    }
}
