using System.Text.Json;

namespace Gongkai.Web.Api;

/// <summary>Validation errors keyed as the JSON body names its fields (<c>idProof</c>, not <c>IdProof</c>).</summary>
public static class ApiErrors
{
    public static Dictionary<string, string[]> CamelCase(Dictionary<string, string[]> errors) =>
        errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value);
}
