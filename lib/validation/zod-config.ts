import { z } from 'zod';

/**
 * Chinese fallback messages for every schema field without its own message, so that no entry point
 * ever answers with zod's English default. Imported (for its effect) by the action wrapper and the
 * API error module, which every server action and route handler goes through.
 */
z.config({
  customError: (iss) => {
    switch (iss.code) {
      case 'invalid_type':
        return iss.input === undefined ? '请填写此项' : '格式不正确';
      case 'too_big':
        return '内容过长或数值过大';
      case 'too_small':
        return '内容过短或数值过小';
      case 'invalid_format':
        return '格式不正确';
      case 'invalid_value':
        return '选项无效';
      case 'unrecognized_keys':
        return '包含无法识别的字段';
      default:
        return '输入无效';
    }
  },
});

export const zodConfigured = true;
