import { DateField, RadioGroup, SelectField, TextField, type Option } from '../../components/fields';
import { useI18n } from '../../i18n/context';
import type { FieldSpec } from '../../lib/sections';
import { choiceOptions } from './choices';

/** What a section's inputs choose from that is read from the platform or the language. */
export interface Choices {
  countries: Option[];
  posts: Option[];
  municipalities: Option[];
  counters: Option[];
}

/** The input of one field of a section, by its kind. */
export function SectionField({
  spec,
  control,
  choices,
}: {
  spec: FieldSpec;
  control: {
    id: string;
    label: string;
    hint: string | undefined;
    error: string | undefined;
    optional: boolean;
    value: string;
    onChange: (value: string) => void;
  };
  choices: Choices;
}) {
  const { t } = useI18n();
  switch (spec.kind) {
    case 'country':
      return <SelectField {...control} options={choices.countries} />;
    case 'sex':
    case 'abroad':
    case 'yesno':
      return <RadioGroup {...control} options={choiceOptions(t, spec.kind)} />;
    case 'post':
      return <SelectField {...control} options={choices.posts} />;
    case 'municipality':
      return <SelectField {...control} options={choices.municipalities} />;
    case 'counter':
      return <SelectField {...control} options={choices.counters} />;
    case 'ictRole':
      return <SelectField {...control} options={choiceOptions(t, 'ictRole')} />;
    case 'number':
    case 'money':
      return <TextField {...control} inputMode="decimal" width={spec.width} />;
    case 'date':
      return <DateField {...control} />;
    case 'email':
      return <TextField {...control} type="email" autoComplete="off" />;
    case 'tel':
      return <TextField {...control} type="tel" inputMode="tel" width="medium" />;
    case 'text':
      return <TextField {...control} width={spec.width} />;
  }
}
