using FluentValidation;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Api.Common.Validation;

/// <summary>Runs a request validator and turns all its failures into one AEP error.</summary>
/// <remarks>Called explicitly: FluentValidation's automatic MVC validation is deprecated.</remarks>
public static class ValidationExtensions
{
    public static async Task ValidateOrThrowAsync<T>(this IValidator<T> validator, T? request, AepError error, CancellationToken ct)
    {
        if (request is null)
        {
            throw new AepException(error, "The request body is required: send a JSON object.");
        }

        var result = await validator.ValidateAsync(request, ct);
        if (!result.IsValid)
        {
            var messages = result.Errors.Select(f => f.ErrorMessage).ToList();
            throw new AepException(error, string.Join(" ", messages), messages);
        }
    }
}
