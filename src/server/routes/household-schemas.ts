/** JSON schemas of the registry routes; validation failures name the field in Vietnamese (validation-messages.ts). */
import { FORM_A_ITEMS, HOUSEHOLD_FACT_FIELDS, MEMBER_FACT_FIELDS, MEMBER_LEFT_REASONS, POVERTY_CAUSES, RELATION_LABELS, SUPPORT_NEEDS, factsJsonSchema } from '../../db/registry/index.ts';

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const NULLABLE_DATE = { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const ID = { type: 'integer', minimum: 1 } as const;
const RELATIONS = Object.keys(RELATION_LABELS);

export const ID_PARAMS = { type: 'object', required: ['id'], properties: { id: ID } } as const;
export const MEMBER_PARAMS = { type: 'object', required: ['id', 'memberId'], properties: { id: ID, memberId: ID } } as const;
export const SURVEY_PARAMS = { type: 'object', required: ['id', 'surveyId'], properties: { id: ID, surveyId: ID } } as const;

export const MEMBER_PROPERTIES = {
  lineNo: { type: 'integer', minimum: 1, maximum: 999 },
  fullName: { type: 'string', minLength: 1, maxLength: 200 },
  dateOfBirth: NULLABLE_DATE,
  birthYear: { type: ['integer', 'null'], minimum: 1880, maximum: 2100 },
  sex: { type: 'string', enum: ['male', 'female'] },
  ethnicity: { type: ['string', 'null'], maxLength: 100 },
  // Format and duplicates are checked by the registry, with a message naming the field.
  citizenId: { type: ['string', 'null'], maxLength: 30 },
  relation: { type: 'string', enum: RELATIONS },
  facts: factsJsonSchema(MEMBER_FACT_FIELDS),
} as const;

export const NEW_MEMBER = { type: 'object', required: ['fullName', 'sex', 'relation'], additionalProperties: false, properties: MEMBER_PROPERTIES } as const;

export const HOUSEHOLD_FACTS = factsJsonSchema(HOUSEHOLD_FACT_FIELDS);

export const CREATE_HOUSEHOLD = {
  type: 'object',
  required: ['members'],
  additionalProperties: false,
  properties: {
    communeCode: { type: 'string', pattern: '^\\d{5}$' },
    villageCode: { type: ['string', 'null'], maxLength: 20 },
    address: { type: ['string', 'null'], maxLength: 300 },
    phone: { type: ['string', 'null'], maxLength: 30 },
    facts: HOUSEHOLD_FACTS,
    residentSince: DATE,
    members: { type: 'array', minItems: 1, maxItems: 50, items: NEW_MEMBER },
  },
} as const;

export const UPDATE_HOUSEHOLD = {
  type: 'object',
  required: ['version'],
  additionalProperties: false,
  properties: {
    version: ID,
    villageCode: { type: ['string', 'null'], maxLength: 20 },
    address: { type: ['string', 'null'], maxLength: 300 },
    phone: { type: ['string', 'null'], maxLength: 30 },
    facts: HOUSEHOLD_FACTS,
    movedOn: DATE,
  },
} as const;

export const STATUS_CHANGE = {
  type: 'object',
  required: ['version', 'status', 'date'],
  additionalProperties: false,
  properties: {
    version: ID,
    status: { type: 'string', enum: ['active', 'moved_away', 'dissolved', 'deceased', 'merged'] },
    date: DATE,
    reason: { type: ['string', 'null'], maxLength: 500 },
    mergedIntoId: { type: ['integer', 'null'], minimum: 1 },
  },
} as const;

export const ADD_MEMBER = {
  type: 'object',
  required: ['version', 'member'],
  additionalProperties: false,
  properties: { version: ID, member: NEW_MEMBER, formerHeadRelation: { type: 'string', enum: RELATIONS } },
} as const;

export const UPDATE_MEMBER = {
  type: 'object',
  required: ['version'],
  additionalProperties: false,
  properties: { version: ID, ...MEMBER_PROPERTIES, formerHeadRelation: { type: 'string', enum: RELATIONS } },
} as const;

export const REMOVE_MEMBER_QUERY = {
  type: 'object',
  required: ['version', 'reason'],
  additionalProperties: false,
  properties: { version: ID, reason: { type: 'string', enum: [...MEMBER_LEFT_REASONS] }, date: DATE },
} as const;

export const RECORD_SURVEY = {
  type: 'object',
  required: ['reviewId'],
  additionalProperties: false,
  properties: {
    reviewId: ID,
    surveyedOn: DATE,
    formA: {
      type: ['object', 'null'],
      required: ['answers'],
      additionalProperties: false,
      properties: {
        answers: { type: 'object', additionalProperties: false, properties: Object.fromEntries(Object.keys(FORM_A_ITEMS).map((k) => [k, { type: 'boolean' }])) },
        note: { type: ['string', 'null'], maxLength: 1000 },
      },
    },
    scoreA: { type: ['integer', 'null'], minimum: 0, maximum: 10000 },
    scoreAItems: {
      type: ['array', 'null'],
      maxItems: 200,
      items: {
        type: 'object',
        required: ['code', 'points'],
        additionalProperties: false,
        properties: { code: { type: 'string', minLength: 1, maxLength: 50 }, label: { type: 'string', maxLength: 300 }, points: { type: 'number' } },
      },
    },
    income: { type: ['integer', 'null'], minimum: 0 },
    facts: HOUSEHOLD_FACTS,
    causes: { type: 'array', uniqueItems: true, items: { type: 'string', enum: Object.keys(POVERTY_CAUSES) } },
    needs: { type: 'array', uniqueItems: true, items: { type: 'string', enum: Object.keys(SUPPORT_NEEDS) } },
  },
} as const;

export const LIST_HOUSEHOLDS_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    communeCode: { type: 'string', pattern: '^\\d{5}$' },
    villageCode: { type: 'string', maxLength: 20 },
    status: { type: 'string', enum: ['active', 'moved_away', 'dissolved', 'deceased', 'merged', 'all'] },
    listStatus: { type: 'string', enum: ['poor', 'near_poor', 'none', 'unlisted'] },
    asOf: DATE,
    reviewId: ID,
    reviewClass: { type: 'string', enum: ['poor', 'near_poor', 'average', 'none', 'unclassified'] },
    q: { type: 'string', maxLength: 100 },
    page: { type: 'integer', minimum: 1, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  },
} as const;

export const PREVIEW = {
  type: 'object',
  required: ['household'],
  additionalProperties: false,
  properties: {
    standardId: { type: 'string', maxLength: 60 },
    year: { type: 'integer', minimum: 2016, maximum: 2030 },
    area: { type: 'string', enum: ['rural', 'urban'] },
    communeCode: { type: 'string', pattern: '^\\d{5}$' },
    referenceDate: DATE,
    household: { type: 'object' },
  },
} as const;
