import type { AwardRecordFields } from '../award/Award.js';
import { MERIT_GRADE_NAMES, type MeritGrade } from '../records/constants.js';
import { documentTitle } from './documentTitles.js';

/**
 * What a record awards, as staff name it in a list: 个人三等功, 集体嘉奖, “…”荣誉称号, 嘉奖令（3人）,
 * 唁电. Read from the stored fields, so a record the contract would refuse still gets a name.
 */
export function awardDescription(record: AwardRecordFields): string {
  const recipient = record.recipient as { type?: string } | undefined;
  const holder = recipient?.type === 'collective' ? '集体' : '个人';
  const posthumous = record.posthumous === true;
  switch (record.kind) {
    case 'merit': {
      const grade = MERIT_GRADE_NAMES[record.grade as MeritGrade] ?? '记功';
      return `${posthumous ? '追记' : ''}${holder}${grade}`;
    }
    case 'commendation':
      return `${posthumous ? '追授' : ''}${holder === '集体' ? '集体' : ''}嘉奖`;
    case 'honorary-title':
      return `${posthumous ? '追授' : ''}“${String(record.title)}”荣誉称号`;
    case 'commendation-order': {
      const awardees = Array.isArray(record.awardees) ? record.awardees.length : 0;
      return `嘉奖令（${awardees}人）`;
    }
    case 'praise-bulletin': {
      const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
      return `表扬通报（集体${count(record.collectives)}个、个人${count(record.individuals)}名）`;
    }
    case 'telegram':
      return documentTitle('telegram', record);
    default:
      return String(record.kind);
  }
}
