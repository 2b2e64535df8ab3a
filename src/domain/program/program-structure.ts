/**
 * Program structure as data: a program (period, legal basis) and its tree of projects (dự án),
 * sub-projects (tiểu dự án) and content items. The 2021–2025 tree is fixed by Decision 90/QĐ-TTg; the
 * 2026–2035 merged program's components are provisional and stored in the database, where a national
 * administrator edits them (the domain only gives the first version).
 */

export type ProgramNodeLevel = 'project' | 'subproject' | 'content';

export interface ProgramNodeDef {
  /** Hierarchical code, e.g. 'DA3' or 'DA3.TDA1'. */
  code: string;
  parentCode: string | null;
  level: ProgramNodeLevel;
  nameVi: string;
  nameEn: string;
  /** How well the wording is verified in the domain notes ([C], [S] or UNCONFIRMED). */
  verification: 'C' | 'S' | 'UNCONFIRMED';
}

export interface ProgramDef {
  code: string;
  nameVi: string;
  nameEn: string;
  startYear: number;
  endYear: number;
  legalBasis: string;
  /** Whether a national administrator may change the tree (the 2026–2035 structure is not yet fixed). */
  editable: boolean;
  nodes: readonly ProgramNodeDef[];
}

export const PROGRAM_2021_2025 = 'MTQG_GNBV_2021_2025';
export const PROGRAM_2026_2035 = 'MTQG_2026_2035';

const node = (code: string, level: ProgramNodeLevel, nameVi: string, nameEn: string, verification: ProgramNodeDef['verification'] = 'UNCONFIRMED'): ProgramNodeDef => ({
  code,
  parentCode: code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null,
  level,
  nameVi,
  nameEn,
  verification,
});

/** The 7 projects of Decision 90/QĐ-TTg and their sub-projects (national-target-program.md §2.3). */
export const PROGRAM_2021_2025_DEF: ProgramDef = {
  code: PROGRAM_2021_2025,
  nameVi: 'Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021–2025',
  nameEn: 'National Target Program on Sustainable Poverty Reduction 2021–2025',
  startYear: 2021,
  endYear: 2025,
  legalBasis: 'Nghị quyết 24/2021/QH15; Quyết định 90/QĐ-TTg ngày 18/01/2022',
  editable: false,
  nodes: [
    node('DA1', 'project', 'Hỗ trợ đầu tư phát triển hạ tầng kinh tế – xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
      'Investment in socio-economic infrastructure in poor districts and especially difficult coastal and island communes', 'S'),
    node('DA1.TDA1', 'subproject', 'Hỗ trợ đầu tư phát triển hạ tầng kinh tế – xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
      'Infrastructure in poor districts and especially difficult communes'),
    node('DA1.TDA2', 'subproject', 'Triển khai Đề án hỗ trợ một số huyện nghèo thoát khỏi tình trạng nghèo, đặc biệt khó khăn',
      'Scheme helping selected poor districts exit poverty'),
    node('DA2', 'project', 'Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', 'Livelihood diversification and poverty-reduction models', 'S'),
    node('DA3', 'project', 'Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng', 'Production development support and nutrition improvement', 'C'),
    node('DA3.TDA1', 'subproject', 'Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp', 'Production support in agriculture', 'C'),
    node('DA3.TDA2', 'subproject', 'Cải thiện dinh dưỡng', 'Nutrition improvement', 'C'),
    node('DA4', 'project', 'Phát triển giáo dục nghề nghiệp, việc làm bền vững', 'Vocational education and sustainable employment', 'S'),
    node('DA4.TDA1', 'subproject', 'Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn', 'Vocational education in poor and difficult areas', 'S'),
    node('DA4.TDA2', 'subproject', 'Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng', 'Support for contract labour abroad', 'S'),
    node('DA4.TDA3', 'subproject', 'Hỗ trợ việc làm bền vững', 'Sustainable employment support'),
    node('DA5', 'project', 'Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo', 'Housing support for poor and near-poor households in poor districts', 'S'),
    node('DA6', 'project', 'Truyền thông và giảm nghèo về thông tin', 'Communication and information poverty reduction', 'S'),
    node('DA6.TDA1', 'subproject', 'Giảm nghèo về thông tin', 'Information poverty reduction'),
    node('DA6.TDA2', 'subproject', 'Truyền thông về giảm nghèo đa chiều', 'Communication on multidimensional poverty'),
    node('DA7', 'project', 'Nâng cao năng lực và giám sát, đánh giá Chương trình', 'Capacity building and monitoring & evaluation of the Program', 'S'),
    node('DA7.TDA1', 'subproject', 'Nâng cao năng lực thực hiện Chương trình', 'Capacity building'),
    node('DA7.TDA2', 'subproject', 'Giám sát, đánh giá', 'Monitoring and evaluation'),
  ],
};

/**
 * The merged 2026–2035 program (NA Resolution 257/2025/QH15). Its component projects are not yet
 * published (UNCONFIRMED): these three components, one per merged program, are only the starting point
 * a national administrator replaces in the database.
 */
export const PROGRAM_2026_2035_DEF: ProgramDef = {
  code: PROGRAM_2026_2035,
  nameVi: 'Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế – xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026–2035',
  nameEn: 'Merged National Target Program on New Rural Development, Sustainable Poverty Reduction and Ethnic Minority and Mountainous Areas 2026–2035',
  startYear: 2026,
  endYear: 2035,
  legalBasis: 'Nghị quyết 257/2025/QH15 ngày 11/12/2025; Nghị quyết 424/NQ-CP ngày 30/12/2025',
  editable: true,
  nodes: [
    node('HP1', 'project', 'Xây dựng nông thôn mới', 'New rural development'),
    node('HP2', 'project', 'Giảm nghèo bền vững', 'Sustainable poverty reduction'),
    node('HP2.ND1', 'subproject', 'Hỗ trợ phát triển sản xuất, sinh kế và việc làm', 'Production, livelihood and employment support'),
    node('HP2.ND2', 'subproject', 'Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo', 'Housing support for poor and near-poor households'),
    node('HP2.ND3', 'subproject', 'Nâng cao năng lực, truyền thông, giám sát và đánh giá', 'Capacity, communication, monitoring and evaluation'),
    node('HP3', 'project', 'Phát triển kinh tế – xã hội vùng đồng bào dân tộc thiểu số và miền núi', 'Socio-economic development of ethnic minority and mountainous areas'),
  ],
};

export const DEFAULT_PROGRAMS: readonly ProgramDef[] = [PROGRAM_2021_2025_DEF, PROGRAM_2026_2035_DEF];

/** The program whose period contains the year (the later one when periods touch). */
export function programCodeForYear(year: number, programs: ReadonlyArray<Pick<ProgramDef, 'code' | 'startYear' | 'endYear'>> = DEFAULT_PROGRAMS): string | null {
  const hits = programs.filter((p) => p.startYear <= year && year <= p.endYear);
  return hits.length ? hits[hits.length - 1]!.code : null;
}

/** A node code: letters/digits segments separated by dots, e.g. 'DA3.TDA1'. */
export function isNodeCode(code: string): boolean {
  return /^[A-Z0-9]{1,12}(\.[A-Z0-9]{1,12}){0,2}$/.test(code);
}

/** Level implied by the code's depth. */
export function nodeLevelOf(code: string): ProgramNodeLevel {
  const depth = code.split('.').length;
  return depth === 1 ? 'project' : depth === 2 ? 'subproject' : 'content';
}
