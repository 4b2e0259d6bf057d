using System.Buffers.Text;
using System.Text;

namespace Catalog.Api.Graph;

/// <summary>Opaque, stable node ids: the type name and the row id, base64url-encoded ("Technology:12").</summary>
public static class GlobalId
{
    public static string Encode(string type, long id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{type}:{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

    public static bool TryDecode(string? globalId, out string type, out long id)
    {
        (type, id) = ("", 0);
        if (string.IsNullOrEmpty(globalId) || globalId.Length > 120) return false;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(globalId));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !long.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id)) return false;
            type = text[..colon];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
