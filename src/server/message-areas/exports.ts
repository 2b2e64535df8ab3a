/** Server messages of the exports area (spread into ../messages.ts): Vietnamese first, English typed against it. */
export const exportsMessagesVi = {
  export_review_required: 'Hãy chọn đúng một trong hai: đợt rà soát (tham số "campaign") hoặc rà soát của một xã (tham số "review").',
  export_as_of_invalid: 'Ngày "{date}" không hợp lệ (định dạng YYYY-MM-DD).',
} as const;

export const exportsMessagesEn: Record<keyof typeof exportsMessagesVi, string> = {
  export_review_required: 'Choose exactly one: a review campaign (parameter "campaign") or one commune review (parameter "review").',
  export_as_of_invalid: 'The date "{date}" is not valid (format YYYY-MM-DD).',
};
