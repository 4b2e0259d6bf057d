using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;

// The ceiling: a bare Kestrel endpoint that answers each benchmark query with the catalog's own response bytes,
// precomputed. It reads the request body as the service must, and does nothing else: no parsing, no database.
// Usage: Ceiling <folder of NAME.json response files>; POST /graphql/NAME answers 200 with the file's bytes,
// GET /graphql/NAME answers 304 when If-None-Match holds the file's ETag, otherwise 200 with an ETag.
var folder = args.Length > 0 ? args[0] : throw new ArgumentException("Pass the folder of precomputed responses.");
var responses = Directory.GetFiles(folder, "*.json").ToDictionary(
    f => Path.GetFileNameWithoutExtension(f),
    f =>
    {
        var bytes = File.ReadAllBytes(f);
        return (Bytes: bytes, ETag: "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..32] + "\"");
    },
    StringComparer.Ordinal);

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

app.MapPost("/graphql/{name}", async (HttpContext http, string name) =>
{
    await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
    if (!responses.TryGetValue(name, out var response)) { http.Response.StatusCode = 404; return; }
    http.Response.ContentType = "application/json; charset=utf-8";
    http.Response.ContentLength = response.Bytes.Length;
    await http.Response.Body.WriteAsync(response.Bytes, http.RequestAborted);
});

app.MapGet("/graphql/{name}", async (HttpContext http, string name) =>
{
    if (!responses.TryGetValue(name, out var response)) { http.Response.StatusCode = 404; return; }
    http.Response.Headers.ETag = response.ETag;
    http.Response.Headers.CacheControl = "public, max-age=60";
    if (http.Request.Headers.IfNoneMatch == new StringValues(response.ETag))
    {
        http.Response.StatusCode = StatusCodes.Status304NotModified;
        return;
    }
    http.Response.ContentType = "application/json; charset=utf-8";
    http.Response.ContentLength = response.Bytes.Length;
    await http.Response.Body.WriteAsync(response.Bytes, http.RequestAborted);
});

app.Run();
