using FluentValidation;
using ProfilePlatform.Api.Features.Sandboxes.Contracts;

namespace ProfilePlatform.Api.Features.Sandboxes.Validators;

/// <summary>Shape of <c>POST /sandboxes</c>: every missing field is reported at once; the sandbox rules
/// themselves (name pattern, type) are the domain's.</summary>
public sealed class CreateSandboxRequestValidator : AbstractValidator<CreateSandboxRequest>
{
    public CreateSandboxRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("Field 'name' is required: give the sandbox a lower-case name such as 'acme-dev'.");
        RuleFor(r => r.Title).NotEmpty().WithMessage("Field 'title' is required: give the sandbox a display title such as 'Acme Dev'.");
        RuleFor(r => r.Type).NotEmpty().WithMessage("Field 'type' is required: use 'development' or 'production'.");
    }
}
