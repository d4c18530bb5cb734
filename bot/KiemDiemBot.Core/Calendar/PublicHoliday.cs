namespace KiemDiemBot.Core.Calendar;

/// <summary>The paid public holidays of Labour Code 2019 Art 112 (Vietnamese citizens).</summary>
public enum PublicHoliday
{
    /// <summary>Tết Dương lịch, 1 January.</summary>
    NewYear,

    /// <summary>Tết Nguyên đán: five days around the Vietnamese lunar new year.</summary>
    LunarNewYear,

    /// <summary>Giỗ Tổ Hùng Vương, the 10th day of the 3rd Vietnamese lunar month.</summary>
    HungKingsCommemoration,

    /// <summary>Ngày Chiến thắng, 30 April.</summary>
    VictoryDay,

    /// <summary>Ngày Quốc tế Lao động, 1 May.</summary>
    InternationalLabourDay,

    /// <summary>Quốc khánh, 2 September and one adjacent day (one day only before 2021).</summary>
    NationalDay,
}
