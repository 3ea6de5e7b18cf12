import type { CallbackMessages } from '../core/callback';
import type { Messages } from '../i18n/en';

/* -------------------------------------------------------------------------------------------------
 * العربية، من اليمين إلى اليسار: `import { ar } from 'react-connected-accounts/locales/ar'`, then
 * `messages={ar}`
 *
 * Arabic has six plural forms: zero, one, two, few (3–10), many (11–99) and other (100, 101…).
 * A counted message lists them in that order; `#` stands for the number.
 * -----------------------------------------------------------------------------------------------*/

const rules = /* @__PURE__ */ new Intl.PluralRules('ar');
const FORMS: Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other'];
const plural = (count: number, forms: string[]) => forms[FORMS.indexOf(rules.select(count))]!.replace('#', String(count));
/** `Intl` writes the dual as a subject ("يومان"); after "منذ" it takes the genitive ("يومين"). */
const genitive = (duration: string) => duration.replace(/ان$/, 'ين');
/** Connections counted after a noun or preposition: "اتصالين", "3 اتصالات", "11 اتصالًا". */
const connections = (count: number) => plural(count, ['# اتصال', 'اتصال واحد', 'اتصالين', '# اتصالات', '# اتصالًا', '# اتصال']);

const ar: Messages = {
  locale: 'ar',
  dir: 'rtl',

  'status.connected': 'متصل',
  'status.authorization_required': 'يلزم التفويض',
  'status.backfilling': 'جارٍ استكمال البيانات',
  'status.error': 'خطأ',
  'status.reauthorizing': 'جارٍ إعادة الربط',
  'status.for': (duration) => `منذ ${genitive(duration)}`,
  'status.expiring': (when) => `تنتهي صلاحيته ${when}`,

  'list.loading': 'جارٍ تحميل الاتصالات…',
  'list.empty': 'لا توجد اتصالات بعد.',
  'list.loadError': 'تعذّر تحميل الاتصالات. تحقّق من الشبكة ثم أعد المحاولة.',
  'list.refreshError': 'قد لا تكون هذه القائمة محدَّثة. أعد المحاولة لتحديثها.',
  'list.search': 'البحث في الاتصالات',
  'list.attention': 'بحاجة إلى إجراء',
  'list.matches': (count) =>
    plural(count, ['لا توجد اتصالات مطابقة.', 'اتصال واحد مطابق.', 'اتصالان مطابقان.', '# اتصالات مطابقة.', '# اتصالًا مطابقًا.', '# اتصال مطابق.']),
  'list.noMatches': 'لا توجد اتصالات مطابقة. جرّب بحثًا آخر.',
  'list.summary': (count) =>
    plural(count, [
      'لا توجد اتصالات تحتاج إلى إعادة الربط.',
      'اتصال واحد يحتاج إلى إعادة الربط.',
      'اتصالان يحتاجان إلى إعادة الربط.',
      '# اتصالات تحتاج إلى إعادة الربط.',
      '# اتصالًا تحتاج إلى إعادة الربط.',
      '# اتصال تحتاج إلى إعادة الربط.',
    ]),
  'list.summaryHint': 'توقّفت مزامنة البيانات. أعد الربط لاستئنافها.',
  'list.expiring': (count) =>
    plural(count, [
      'لا توجد اتصالات تنتهي صلاحيتها قريبًا.',
      'اتصال واحد تنتهي صلاحيته قريبًا.',
      'اتصالان تنتهي صلاحيتهما قريبًا.',
      '# اتصالات تنتهي صلاحيتها قريبًا.',
      '# اتصالًا تنتهي صلاحيتها قريبًا.',
      '# اتصال تنتهي صلاحيتها قريبًا.',
    ]),
  'list.expiringHint': 'جدّد الصلاحية ليستمر وصول البيانات.',
  'list.reconnectAll': (count) => `إعادة ربط ${connections(count)}`,
  'group.advertising': 'الإعلانات',
  'group.crm': 'CRM',
  'group.other': 'أخرى',
  'item.reconnectLabel': (provider, account) => `إعادة الربط لـ ${provider} — ${account}`,
  'item.since': (duration) => `منذ ${genitive(duration)}`,
  'item.lastSync': (ago) => `آخر مزامنة ${ago}`,
  'item.backfill': (date) => `جارٍ إرسال البيانات الفائتة منذ ${date}`,
  'item.noRights': 'اطلب من أحد المشرفين إعادة ربطه.',
  'item.renew': 'تجديد',
  'item.renewLabel': (provider, account) => `تجديد ${provider} — ${account}`,
  'item.askAdmin': 'اطلب من مشرف',
  'item.askAdminLabel': (provider, account) => `اطلب من مشرف إعادة ربط ${provider} — ${account}`,
  'item.requested': (ago) => `أُرسل الطلب ${ago}`,

  'announce.connected': (name) => `أُعيد ربط ${name}.`,
  'announce.authorization_required': (name) => `يحتاج ${name} إلى إعادة الربط.`,
  'announce.backfilling': (name) => `يستكمل ${name} البيانات الفائتة.`,
  'announce.error': (name) => `حدث خطأ في ${name}.`,
  'announce.caughtUp': (name) => `أصبحت بيانات ${name} محدَّثة.`,
  'announce.failed': (name) => `لم تتم إعادة ربط ${name}.`,

  'impact.stopped': (ago) => (ago ? `توقّف ما يلي ${ago}:` : 'توقّف ما يلي:'),
  'impact.willStop': (date) => `سيتوقّف ما يلي في ${date}:`,
  'impact.cost_data': 'تنزيل بيانات التكلفة',
  'impact.ad_tagging': 'علامات UTM على الإعلانات الجديدة',
  'impact.record_updates': 'تحديث سجلات CRM',
  'impact.touchpoint_push': 'إرسال نقاط التواصل الجديدة إلى CRM',
  'impact.data_sync': 'مزامنة البيانات',
  'impact.permanent': 'لا يمكن وضع علامات على نقاط التواصل من الإعلانات الجديدة لاحقًا. أعد الربط قريبًا لتقليل الفجوة.',
  'impact.possibly_permanent': 'إذا كان وضع العلامات التلقائي مفعّلًا، فلا يمكن وضع علامات على نقاط التواصل من الإعلانات الجديدة لاحقًا. أعد الربط قريبًا.',
  'impact.backfilled': 'لن يضيع شيء. ستصل البيانات الفائتة إلى CRM بعد إعادة الربط.',

  'flow.ready': (provider) => `ستسجّل الدخول إلى ${provider} في نافذة جديدة.`,
  'flow.readyCredentials': (provider) => `أدخل اسم المستخدم وكلمة المرور لحساب ${provider}.`,
  'flow.starting': 'جارٍ فتح نافذة تسجيل الدخول…',
  'flow.waiting': (provider) => `أكمل تسجيل الدخول إلى ${provider} في النافذة الجديدة.`,
  'flow.windowClosed': 'أُغلقت نافذة تسجيل الدخول قبل الانتهاء. افتحها مجددًا للمتابعة.',
  'flow.completing': 'جارٍ إعادة الربط…',
  'flow.succeeded': (provider) => `أُعيد ربط ${provider}.`,
  'flow.backfilling': (date) => `البيانات الفائتة منذ ${date} في طريقها إلى CRM.`,
  'flow.cancelled': 'لم يتغيّر شيء. يمكنك المحاولة مجددًا في أي وقت.',
  'flow.wrongAccount': (account) => `سجّلت الدخول بحساب آخر. سجّل الدخول باسم ${account} ثم أعد المحاولة.`,

  'error.popup_blocked': 'حظر المتصفح نافذة تسجيل الدخول. اسمح بالنوافذ المنبثقة لهذا الموقع ثم أعد المحاولة.',
  'error.superseded': 'بدأ اتصال آخر تسجيل الدخول. أعد المحاولة لهذا الاتصال بعد انتهائه.',
  'error.timeout': 'استغرق تسجيل الدخول وقتًا طويلًا. أعد المحاولة.',
  'error.invalid_authorization_url': 'أرسلت المنصة عنوان تسجيل دخول غير آمن. تواصل مع المشرف.',
  'error.state_mismatch': 'الرد لا يطابق عملية تسجيل الدخول هذه. أعد المحاولة.',
  'error.provider_error': 'رفضت المنصة تسجيل الدخول. أعد المحاولة.',
  'error.adapter_failed': 'تعذّرت إعادة الربط. أعد المحاولة بعد قليل.',
  'error.unsupported': 'لا يمكن إعادة ربط هذا الاتصال من هنا. اطلب ذلك من مشرف.',
  'error.invalid_credentials': 'اسم المستخدم أو كلمة المرور غير صحيحة. تحقّق منهما ثم أعد المحاولة.',

  'queue.title': 'إعادة ربط الكل',
  'queue.step': (index, total, name) => `${index} من ${total} · ${name}`,
  'queue.skip': 'تخطي',
  'queue.summary': (reconnected, skipped) => `تمت إعادة ربط ${connections(reconnected)}، وتخطي ${connections(skipped)}.`,

  'ask.description': 'سيصل طلبك إلى مشرفي مساحة العمل. أضف ملاحظة إن كانت مفيدة.',
  'ask.note': 'ملاحظة للمشرف',
  'ask.noteHint': (max) => `اختياري. الحد الأقصى للأحرف: ${max}.`,
  'ask.send': 'إرسال الطلب',
  'ask.sent': 'أُرسل الطلب. سيعيد أحد المشرفين ربطه.',
  'ask.failed': 'لم يُرسَل الطلب. أعد المحاولة.',

  'action.reconnect': 'إعادة الربط',
  'action.reopen': 'إعادة فتح النافذة',
  'action.cancel': 'إلغاء',
  'action.retry': 'إعادة المحاولة',
  'action.done': 'تم',
  'action.close': 'إغلاق',
  'form.username': 'اسم المستخدم',
  'form.password': 'كلمة المرور',
};

/** The callback page's words: `handleAuthorizationCallback({ messages: callbackMessages, locale: 'ar' })`. */
const callbackMessages: CallbackMessages = {
  error: 'لم يكتمل تسجيل الدخول. أغلق هذه النافذة وأعد المحاولة في التطبيق.',
  invalid: 'هذه الصفحة تُكمل فقط تسجيل دخول بدأ من التطبيق. يمكنك إغلاقها.',
  done: 'تم تسجيل الدخول. يمكنك إغلاق هذه النافذة.',
};

export { callbackMessages, ar };
export default ar;
