"""Write docs/programme-template.csv and .xlsx: the spreadsheet `citynet-bot import` reads.

    python docs/make_programme_template.py

Columns are documented in the README ("Import a programme"); speakers are separated by `;`
and times are written 08.30 or 08:30 in the event's time zone.
"""

import csv
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
HEADERS = ["tanggal", "mulai", "selesai", "judul", "pembicara", "tempat", "keterangan",
           "jenis", "kapasitas", "id"]
ROWS = [
    ["2024-05-14", "08.00", "08.30", "Registrasi peserta", "", "Balai Kota",
     "Daftar ulang dan pengambilan tanda pengenal", "registrasi", "", "registrasi"],
    ["2024-05-14", "08.30", "09.00", "Pembukaan", "Wali Kota", "Balai Kota", "", "pembukaan",
     "", "pembukaan"],
    ["2024-05-14", "09.00", "11.30", "Paparan rencana smart city daerah",
     "Kepala Bappeda; Kepala Dinas Kominfo", "Balai Kota",
     "Setiap daerah memaparkan rencananya", "pleno", "", ""],
    ["2024-05-14", "11.30", "13.00", "Ishoma", "", "Balai Kota", "Istirahat, sholat, makan",
     "istirahat", "", ""],
    ["2024-05-14", "13.00", "15.00", "Diskusi kelompok", "", "Ruang Rapat 2", "", "sesi", "40",
     ""],
    ["2024-05-15", "09.00", "11.00", "Perumusan kesepakatan bersama", "Kepala Dinas Kominfo",
     "Balai Kota", "", "pleno", "", ""],
]


def main() -> None:
    with (HERE / "programme-template.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        writer.writerows(ROWS)
    book = Workbook()
    sheet = book.active
    sheet.title = "Jadwal"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in ROWS:
        # Dates as spreadsheet dates; times as text, the way organizers type "08.30".
        sheet.append([date.fromisoformat(row[0]), *row[1:8],
                      int(row[8]) if row[8] else None, row[9]])
    for column, width in zip("ABCDEFGHIJ", (12, 8, 8, 36, 36, 16, 40, 12, 10, 14), strict=True):
        sheet.column_dimensions[column].width = width
    # A fixed timestamp: regenerating without changes gives the same content.
    book.properties.created = book.properties.modified = datetime(2024, 1, 1)
    book.save(HERE / "programme-template.xlsx")


if __name__ == "__main__":
    main()
