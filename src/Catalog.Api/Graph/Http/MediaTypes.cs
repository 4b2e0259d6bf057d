using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Graph.Http;

/// <summary>The response media types of GraphQL over HTTP, chosen by the request's Accept header.</summary>
public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The media type to answer with, or null when the client accepts neither. No Accept header means
    /// application/json, as legacy clients expect; */* too.
    /// </summary>
    public static string? Negotiate(IList<string>? accept)
    {
        if (accept is null || accept.Count == 0) return Json;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var values) || values.Count == 0) return Json;
        string? best = null;
        double bestQuality = 0;
        foreach (var value in values)
        {
            var quality = value.Quality ?? 1;
            var type = value.MediaType.Value?.ToLowerInvariant();
            string? candidate = type switch
            {
                GraphQLResponse => GraphQLResponse,
                Json => Json,
                "application/*" or "*/*" => Json,
                _ => null,
            };
            // Prefer the higher quality; on a tie prefer application/graphql-response+json.
            if (candidate is not null && quality > 0 && (quality > bestQuality || (quality == bestQuality && candidate == GraphQLResponse)))
                (best, bestQuality) = (candidate, quality);
        }
        return best;
    }

    /// <summary>True when a browser asks for a page rather than data.</summary>
    public static bool PrefersHtml(IList<string>? accept) =>
        accept is not null && MediaTypeHeaderValue.TryParseList(accept, out var values)
        && values.Any(v => string.Equals(v.MediaType.Value, "text/html", StringComparison.OrdinalIgnoreCase) && (v.Quality ?? 1) > 0);

    /// <summary>True for application/json with any parameters (charset=utf-8 included).</summary>
    public static bool IsJsonContent(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var value)
        && string.Equals(value.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase)
        && (value.Charset.Value is null || string.Equals(value.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase));
}
