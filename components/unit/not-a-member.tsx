import { IntentLink } from '@/components/layout/intent-link';
import { Forbidden } from '../auth/forbidden';

/** 无权访问 for /unit, with the way in: register a unit (or accept an invitation). */
export function NotAUnitMember() {
  return (
    <div className="space-y-3">
      <Forbidden message="您的账号不属于任何单位。单位采购需要先注册单位或接受单位管理员的邀请。" />
      <p className="text-center">
        <IntentLink
          href="/register/unit"
          className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
        >
          注册单位
        </IntentLink>
      </p>
    </div>
  );
}
