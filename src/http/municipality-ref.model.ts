import { ApiProperty } from '@nestjs/swagger';
import type { MunicipalityRef } from '../domain/places/place-register';

/** A municipality in a response: its CBS code and official name, for the OpenAPI document. */
export class MunicipalityRefModel implements MunicipalityRef {
  @ApiProperty({ example: 'GM0637' }) readonly code!: string;
  @ApiProperty({ example: 'Zoetermeer' }) readonly name!: string;
}
