import { Cohort } from '../../schema/cohort/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { expertSearchTokens, sortNameOf } from '../../schema/expert/service.ts';
import { Organization } from '../../schema/organization/model.ts';
import { organizationKindRank } from '../../schema/organization/service.ts';
import { Place } from '../../schema/place/model.ts';
import { fold, foldedTokens } from '../../schema/search/fold.ts';
import { Topic } from '../../schema/topic/model.ts';

/*
 * Small, explicit test data: a merged province pair (Đà Nẵng absorbed Quảng Nam), a ministry
 * with a unit and a merged-away predecessor, two topics, two cohorts.
 */
export async function createReferenceData() {
  await Place.insertMany([
    { _id: 'da-nang', name: 'Đà Nẵng', fullName: 'Thành phố Đà Nẵng', kind: 'city', region: 'central', current: true, predecessors: ['quang-nam'], order: 1 },
    { _id: 'ha-noi', name: 'Hà Nội', fullName: 'Thành phố Hà Nội', kind: 'city', region: 'north', current: true, order: 0 },
    { _id: 'quang-nam', name: 'Quảng Nam', fullName: 'Tỉnh Quảng Nam', kind: 'province', region: 'central', current: false, successor: 'da-nang', order: 2 },
  ]);
  const org = (slug: string, name: string, kind: Parameters<typeof organizationKindRank>[0], extra: Record<string, unknown> = {}) => ({
    _id: slug,
    name,
    kind,
    kindRank: organizationKindRank(kind),
    current: true,
    sortName: fold(name),
    searchTokens: foldedTokens(name),
    ...extra,
  });
  await Organization.insertMany([
    org('bo-khcn', 'Bộ Khoa học và Công nghệ', 'ministry', { place: 'ha-noi', predecessors: ['bo-tttt'] }),
    org('bo-tttt', 'Bộ Thông tin và Truyền thông', 'ministry', { place: 'ha-noi', current: false, successor: 'bo-khcn' }),
    org('cuc-cds', 'Cục Chuyển đổi số quốc gia', 'agency', { place: 'ha-noi', parent: 'bo-khcn' }),
    org('so-khcn-da-nang', 'Sở Khoa học và Công nghệ Đà Nẵng', 'department', { place: 'da-nang' }),
    org('so-tttt-quang-nam', 'Sở Thông tin và Truyền thông Quảng Nam', 'department', { place: 'quang-nam', current: false, successor: 'so-khcn-da-nang' }),
  ]);
  await Topic.insertMany([
    { _id: 'du-lieu-so', name: 'Dữ liệu số', nameEn: 'Digital data', order: 0 },
    { _id: 'an-toan-thong-tin', name: 'An toàn thông tin', nameEn: 'Cybersecurity', order: 1 },
  ]);
  await Cohort.insertMany([
    { _id: 'cpdt-100-2019', name: '100 chuyên gia Chính phủ điện tử', nameEn: '100 e-government experts', year: 2019 },
    { _id: 'cds-500-2023', name: '500 chuyên gia chuyển đổi số', nameEn: '500 digital-transformation experts', year: 2023 },
  ]);
}

let counter = 0;

/** An expert with believable defaults; any field can be overridden. */
export async function createExpert(fields: Partial<{ handle: string; name: string; position: string; organization: string; place: string; specialties: string[]; cohorts: string[] }> = {}) {
  counter++;
  const expert = {
    handle: `expert${counter}`,
    name: `Nguyễn Văn An ${counter}`,
    position: 'Trưởng phòng Công nghệ thông tin',
    organization: 'so-khcn-da-nang',
    place: 'da-nang',
    specialties: ['du-lieu-so'],
    cohorts: [],
    ...fields,
  };
  return Expert.create({
    ...expert,
    sortName: sortNameOf(expert.name),
    joinedAt: new Date('2023-05-01'),
    searchTokens: expertSearchTokens(expert, null),
  });
}
