/**
 * How an administrative unit is named on a document: the issuing body ("UỶ BAN NHÂN DÂN XÃ MƯỜNG TÈ")
 * and the place in the date line ("Mường Tè, ngày …").
 */
import { documentText } from './html.ts';

export interface NamedUnit {
  /** Full name with its type, e.g. "Xã Mường Tè", "Phường Đoàn Kết", "Đặc khu Phú Quốc". */
  name: string;
  /** Type as written in the name, e.g. "Xã", "Phường", "Đặc khu". */
  type: string;
}

/** The name without its type: "Xã Mường Tè" → "Mường Tè". */
export function placeName(unit: NamedUnit): string {
  const name = documentText(unit.name);
  const type = documentText(unit.type);
  return type && name.toLowerCase().startsWith(`${type.toLowerCase()} `) ? name.slice(type.length + 1).trim() : name;
}

/** "Uỷ ban nhân dân xã Mường Tè". */
export function peoplesCommitteeName(unit: NamedUnit): string {
  return `Uỷ ban nhân dân ${documentText(unit.type).toLowerCase()} ${placeName(unit)}`;
}

/** Upper case the Vietnamese way (NFC kept): "UỶ BAN NHÂN DÂN XÃ MƯỜNG TÈ". */
export function upperVi(s: string): string {
  return s.normalize('NFC').toLocaleUpperCase('vi-VN').normalize('NFC');
}
