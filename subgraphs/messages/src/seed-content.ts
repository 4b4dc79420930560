import { demoPlaces, ukrainianPlaces } from '@movement/runtime/demo';

/** Synthetic family news, [language, content]: short, invented, in the languages of the demo. */
export const familyNews: Array<[string, string]> = [
  ['ru', 'Мы живы и здоровы. Очень скучаем, ждём от тебя вестей.'],
  ['uk', 'Ми живі та здорові. Дуже сумуємо, чекаємо на звістку від тебе.'],
  ['be', 'Мы жывыя і здаровыя. Вельмі сумуем, чакаем ад цябе вестак.'],
  ['ru', 'Дети ходят в школу, бабушке стало лучше. Обнимаем крепко.'],
  ['uk', 'Діти ростуть, у нас усе добре. Напиши, як ти почуваєшся.'],
  ['be', 'У нас усё добра, дзеці вучацца. Моцна абдымаем цябе.'],
  ['ru', 'Мы переехали к тёте, у нас есть крыша над головой. Береги себя.'],
  ['uk', 'Ми в безпеці, живемо в родичів. Молимося за тебе.'],
];

/** Why a message could not be delivered (the UNDELIVERABLE step's note). */
export const undeliverableReasons = [
  'Addressee moved; new address unknown.',
  'Address no longer exists.',
  'Addressee not found at the address given.',
  'Addressee declined to receive the message.',
];

export const returnedNote = 'Returned to the sender with the reason it could not be delivered.';

/** Settlements whose Russian names make up the synthetic addresses. */
/**
 * Where families in Ukraine live in the demo: the centre of each Ukrainian raion of the catalogue
 * (the address names the town; the place recorded is the raion, whose P-code is published).
 */
export const ukrainianTowns = [
  { key: 'UA8000', town: 'Київ' },
  { key: 'UA5908', town: 'Суми' },
  { key: 'UA6312', town: 'Харків' },
  { key: 'UA7410', town: 'Чернігів' },
  { key: 'UA0708', town: 'Луцьк' },
].filter((t) => ukrainianPlaces.includes(t.key));

export const addressTowns = demoPlaces
  .filter((place) => place.type === 'SETTLEMENT')
  .map((place) => ({ key: place.key, town: place.names.find(([language]) => language === 'ru')?.[2] ?? place.name }));
