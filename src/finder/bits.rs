//! Sets of meeting numbers. The index keeps each filter's meetings as a [`Set`]: a sorted list
//! when few, a bitset when many (whichever is smaller). A query works on one dense [`Bits`] of
//! its candidates, so each filter is a pass over a few thousand words and a test is one bit.

/// Meeting numbers below a fixed size, one bit each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bits {
    words: Vec<u64>,
}

impl Bits {
    /// The empty set of numbers below `size`.
    pub fn empty(size: usize) -> Bits {
        Bits { words: vec![0; size.div_ceil(64)] }
    }

    /// Numbers from a list; those beyond the room for `size` (rounded up to 64) are left out.
    pub fn of(numbers: &[u32], size: usize) -> Bits {
        let mut bits = Bits::empty(size);
        for number in numbers {
            bits.insert(*number);
        }
        bits
    }

    pub fn contains(&self, number: u32) -> bool {
        self.words.get(number as usize / 64).is_some_and(|word| word & (1 << (number % 64)) != 0)
    }

    /// Adds `number`; false when it was there already (or is out of range).
    pub fn insert(&mut self, number: u32) -> bool {
        match self.words.get_mut(number as usize / 64) {
            Some(word) => {
                let bit = 1 << (number % 64);
                let added = *word & bit == 0;
                *word |= bit;
                added
            }
            None => false,
        }
    }

    /// Memory the set takes, in bytes.
    pub fn bytes(&self) -> usize {
        self.words.len() * std::mem::size_of::<u64>()
    }

    pub fn len(&self) -> u64 {
        self.words.iter().map(|word| u64::from(word.count_ones())).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|word| *word == 0)
    }

    /// The numbers, ascending.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().zip(0u32..).flat_map(|(word, at)| {
            let mut rest = *word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros();
                    rest &= rest - 1;
                    at * 64 + bit
                })
            })
        })
    }

    /// An empty set of the same size.
    pub fn empty_like(&self) -> Bits {
        Bits { words: vec![0; self.words.len()] }
    }

    /// Keeps only the numbers also in `other`.
    pub fn and(&mut self, other: &Bits) {
        self.words.iter_mut().zip(&other.words).for_each(|(own, other)| *own &= other);
    }

    /// Adds every number of `other`.
    pub fn or(&mut self, other: &Bits) {
        self.words.iter_mut().zip(&other.words).for_each(|(own, other)| *own |= other);
    }

    /// Keeps only the numbers also in `other`.
    pub fn keep(&mut self, other: &Set) {
        match other {
            Set::Dense(other) => self.and(other),
            Set::Sparse(numbers) => {
                let mut kept = self.empty_like();
                for number in numbers.iter().filter(|number| self.contains(**number)) {
                    kept.insert(*number);
                }
                *self = kept;
            }
        }
    }

    /// Adds every number of `other`.
    pub fn add(&mut self, other: &Set) {
        match other {
            Set::Dense(other) => self.or(other),
            Set::Sparse(numbers) => numbers.iter().for_each(|number| {
                self.insert(*number);
            }),
        }
    }

    /// Takes out every number of `other`.
    pub fn remove(&mut self, other: &Set) {
        match other {
            Set::Dense(other) => self.words.iter_mut().zip(&other.words).for_each(|(own, other)| *own &= !other),
            Set::Sparse(numbers) => {
                for number in numbers.iter() {
                    if let Some(word) = self.words.get_mut(*number as usize / 64) {
                        *word &= !(1 << (number % 64));
                    }
                }
            }
        }
    }
}

/// A set of meetings as the index keeps it: sorted numbers, or a bitset when that is smaller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Set {
    Sparse(Box<[u32]>),
    Dense(Bits),
}

impl Default for Set {
    fn default() -> Set {
        Set::Sparse(Box::default())
    }
}

impl Set {
    /// The set of `numbers` (sorted, no repeats), each below `size`.
    pub fn of(numbers: Vec<u32>, size: usize) -> Set {
        // A number takes 32 bits in a list; a bitset 1 bit per meeting.
        if numbers.len() * 32 > size { Set::Dense(Bits::of(&numbers, size)) } else { Set::Sparse(numbers.into()) }
    }

    /// The numbers of a bitset of numbers below `size`, kept in the smaller form.
    pub fn of_bits(bits: Bits, size: usize) -> Set {
        match bits.len() as usize * 32 > size {
            true => Set::Dense(bits),
            false => Set::Sparse(bits.iter().collect()),
        }
    }

    pub fn len(&self) -> u64 {
        match self {
            Set::Dense(bits) => bits.len(),
            Set::Sparse(numbers) => numbers.len() as u64,
        }
    }

    /// How many numbers this set shares with `other`.
    pub fn shared_with(&self, other: &Bits) -> u64 {
        match self {
            Set::Dense(bits) => bits.words.iter().zip(&other.words).map(|(a, b)| u64::from((a & b).count_ones())).sum(),
            Set::Sparse(numbers) => numbers.iter().filter(|number| other.contains(**number)).count() as u64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(set: &Set, size: usize) -> Bits {
        let mut bits = Bits::empty(size);
        bits.add(set);
        bits
    }

    #[test]
    fn sets_agree_with_a_plain_list_in_both_forms() {
        let size = 1000;
        let evens: Vec<u32> = (0..size as u32).filter(|n| n % 2 == 0).collect();
        let few: Vec<u32> = vec![3, 4, 64, 65, 999];
        let (dense, sparse) = (Set::of(evens.clone(), size), Set::of(few.clone(), size));
        assert!(matches!(dense, Set::Dense(_)) && matches!(sparse, Set::Sparse(_)));
        let mut both = bits(&dense, size);
        both.keep(&sparse);
        assert_eq!(both.iter().collect::<Vec<_>>(), vec![4, 64]);
        let mut either = bits(&sparse, size);
        either.add(&dense);
        assert_eq!(either.len(), 500 + 3);
        let mut odd_of_few = bits(&sparse, size);
        odd_of_few.remove(&dense);
        assert_eq!(odd_of_few.iter().collect::<Vec<_>>(), vec![3, 65, 999]);
        assert_eq!(sparse.shared_with(&bits(&dense, size)), 2);
        let mut all = Bits::empty(size);
        assert!(all.insert(999) && !all.insert(999) && !all.insert(1024));
        assert!(all.contains(999) && !all.contains(998) && !all.contains(5000));
    }
}
