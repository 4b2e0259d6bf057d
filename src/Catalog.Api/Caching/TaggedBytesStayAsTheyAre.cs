using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Caching;

/// <summary>
/// ASP.NET Core's choice of what to compress per response, but never a response that carries an ETag: such bytes were
/// written by <see cref="EncodedContent"/>, which chose their coding itself (none when compressing saves nothing), and
/// the tag names exactly those bytes.
/// </summary>
public sealed class TaggedBytesStayAsTheyAre(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public override bool ShouldCompressResponse(HttpContext context) =>
        !context.Response.Headers.ContainsKey(HeaderNames.ETag) && base.ShouldCompressResponse(context);
}
