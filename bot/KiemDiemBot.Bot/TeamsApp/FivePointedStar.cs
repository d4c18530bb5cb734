namespace KiemDiemBot.Bot.TeamsApp;

/// <summary>
/// A regular five-pointed star, point up, as a ten-sided polygon: the shape of the Teams app's icons. Its outer
/// points lie on a circle of <see cref="OuterRadius"/>, its inner corners on one of 0.382 times that.
/// </summary>
public sealed class FivePointedStar
{
    // sin(18°) / sin(126°): the inner corners of a regular star drawn with straight lines between outer points.
    private const double InnerRatio = 0.38196601125;

    private readonly (double X, double Y)[] corners;

    /// <summary>A star of <paramref name="outerRadius"/> centred so that its points and feet sit evenly in the square of <paramref name="size"/>.</summary>
    public FivePointedStar(double size, double outerRadius)
    {
        OuterRadius = outerRadius;
        // The feet sit at cos(36°) of the radius below the centre, the top point a whole radius above: lower the
        // centre by half the difference so the star is balanced in the square.
        var centreX = size / 2;
        var centreY = (size / 2) + (outerRadius * (1 - Math.Cos(Math.PI / 5)) / 2);
        corners = new (double, double)[10];
        for (var i = 0; i < 10; i++)
        {
            var radius = i % 2 == 0 ? outerRadius : outerRadius * InnerRatio;
            var angle = (-Math.PI / 2) + (i * Math.PI / 5);
            corners[i] = (centreX + (radius * Math.Cos(angle)), centreY + (radius * Math.Sin(angle)));
        }
    }

    public double OuterRadius { get; }

    /// <summary>True when the point is inside the star (even-odd rule).</summary>
    public bool Contains(double x, double y)
    {
        var inside = false;
        for (int i = 0, j = corners.Length - 1; i < corners.Length; j = i++)
        {
            var (xi, yi) = corners[i];
            var (xj, yj) = corners[j];
            if ((yi > y) != (yj > y) && x < ((xj - xi) * (y - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }
        return inside;
    }

    /// <summary>The distance from the point to the star's nearest edge.</summary>
    public double DistanceToEdge(double x, double y)
    {
        var nearest = double.MaxValue;
        for (int i = 0, j = corners.Length - 1; i < corners.Length; j = i++)
        {
            nearest = Math.Min(nearest, DistanceToSegment(x, y, corners[j], corners[i]));
        }
        return nearest;
    }

    private static double DistanceToSegment(double x, double y, (double X, double Y) a, (double X, double Y) b)
    {
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var t = Math.Clamp((((x - a.X) * dx) + ((y - a.Y) * dy)) / ((dx * dx) + (dy * dy)), 0, 1);
        var px = a.X + (t * dx) - x;
        var py = a.Y + (t * dy) - y;
        return Math.Sqrt((px * px) + (py * py));
    }
}
