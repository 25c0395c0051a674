import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOMAIN_TEXT_CODES, type DomainTextCode } from '../../domain/domain-text-codes';
import type { DomainTextParams } from '../../domain/domain-text';
import type { RenderedDomainText } from '../../i18n/catalogue/render-domain-text';

/** A text the system recorded, as the API shows it: the code and parameters as recorded, and the text in the reader's language. */
export class DomainTextModel implements RenderedDomainText {
  @ApiProperty({ enum: DOMAIN_TEXT_CODES, enumName: 'DomainTextCode', example: 'risk.expected_attendance', description: 'Stable; `literal` is text kept as written.' })
  readonly code!: DomainTextCode;
  @ApiPropertyOptional({
    type: 'object', additionalProperties: true, example: { count: 250 },
    description: 'What fills the text: numbers, strings, or coded texts of the same shape.',
  })
  readonly params?: DomainTextParams;
  @ApiProperty({ example: '250 mensen verwacht', description: "The text in the language of the request's Accept-Language (Dutch unless English is asked for)." })
  readonly text!: string;
}
